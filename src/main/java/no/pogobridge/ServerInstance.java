package no.pogobridge;

import java.lang.management.ManagementFactory;

/** This server process as claims and ledgers record it (pid@host), so a crashed instance's work can be told apart. */
public final class ServerInstance {

    public static final String NAME = ManagementFactory.getRuntimeMXBean().getName();

    private ServerInstance() {
    }
}
