package no.pogobridge.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A JWT's roles as the operator API knows them: the configured claim (a list, or a space-separated text as in
 * {@code scope}; a dotted name reaches into objects, {@code realm_access.roles} for Keycloak) holding the operator
 * or the viewer value. A token with neither is authenticated but may call nothing (403), so a wrong claim setting
 * shows as "no role" rather than as a bad signature.
 */
public final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final OperatorSecuritySettings.Jwt settings;

    public JwtRoles(OperatorSecuritySettings.Jwt settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        List<String> values = values(claim(jwt.getClaims(), settings.rolesClaim()));
        if (values.contains(settings.operatorRole())) {
            authorities.add(new SimpleGrantedAuthority(OperatorRole.OPERATOR.authority()));
        } else if (values.contains(settings.viewerRole())) {
            authorities.add(new SimpleGrantedAuthority(OperatorRole.VIEWER.authority()));
        }
        String name = jwt.getClaimAsString("preferred_username");
        return new JwtAuthenticationToken(jwt, authorities, name != null ? name : jwt.getSubject());
    }

    private static Object claim(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static List<String> values(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(v -> values.add(String.valueOf(v)));
        } else if (claim instanceof String text) {
            values.addAll(List.of(text.strip().split("\\s+")));
        }
        return values;
    }
}
