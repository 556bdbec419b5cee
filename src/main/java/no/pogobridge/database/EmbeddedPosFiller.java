package no.pogobridge.database;

import javax.sql.DataSource;

/**
 * Fills the embedded POS server we started ourselves before anything reads it (the demo's sales, when the demo is
 * part of the build). An interface here, and the demo's implementation there, so that the database package does not
 * depend on the demo: a server without one starts with an empty embedded database.
 */
public interface EmbeddedPosFiller {

    /** admin: the embedded server's superuser connection, the only one that may create the POS schema. */
    void fill(DataSource admin);
}
