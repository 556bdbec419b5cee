package no.pogobridge.database;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * The embedded PostgreSQL is the last thing to stop. Spring destroys a bean only after the beans registered as its
 * dependents, so every bean that talks to the databases without a declared dependency on DatabaseServers (Camel,
 * whose routes name the DataSources by "#posDataSource"; Quartz, through the app DataSource) is registered as one
 * here, next to the pools, which depend on it already.
 */
@Component
class ShutdownOrder implements SmartInitializingSingleton, BeanFactoryAware {

    private static final Logger log = LoggerFactory.getLogger(ShutdownOrder.class);
    static final String SERVERS = "databaseServers";

    private ConfigurableListableBeanFactory beans;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beans = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> before = new ArrayList<>();
        for (Class<?> type : List.of(CamelContext.class, Scheduler.class, DataSource.class)) {
            before.addAll(List.of(beans.getBeanNamesForType(type, false, false)));
        }
        before.remove(SERVERS);
        for (String name : before) {
            beans.registerDependentBean(SERVERS, name);
        }
        log.debug("Destroyed before {}: {}", SERVERS, before);
    }
}
