package no.pogobridge.secrets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Brings every client_key of department_connection under the current key: plain ones encrypted, ones under the
 * previous key re-encrypted. Each row is written only if it still holds the value read, so two instances starting
 * at once cannot overwrite each other's fresh values. Runs on Flyway's connection, in Flyway's transaction.
 */
final class StoredClientKeys {

    /**
     * How many rows were plain and how many under the previous key (both now under the current one), and how many
     * are under a key the server does not have (left as they are: reading them fails, naming the department).
     */
    record Reencrypted(int plain, int previousKey, int unknownKey) {
    }

    private StoredClientKeys() {
    }

    static Reencrypted underCurrentKey(Connection connection, SecretsCipher cipher) throws SQLException {
        Map<Integer, String> stale = new LinkedHashMap<>();
        int plain = 0;
        int previous = 0;
        int unknown = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT department_id, client_key FROM department_connection ORDER BY department_id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String stored = rows.getString("client_key");
                SecretsCipher.Form form = cipher.formOf(stored);
                if (form == SecretsCipher.Form.UNKNOWN_KEY || form == SecretsCipher.Form.UNKNOWN_FORMAT) {
                    unknown++;
                }
                if (form == SecretsCipher.Form.PLAIN || form == SecretsCipher.Form.PREVIOUS_KEY) {
                    stale.put(rows.getInt("department_id"), stored);
                    if (form == SecretsCipher.Form.PLAIN) {
                        plain++;
                    } else {
                        previous++;
                    }
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE department_connection SET client_key = ? WHERE department_id = ? AND client_key = ?")) {
            for (Map.Entry<Integer, String> row : stale.entrySet()) {
                String plainKey = cipher.decrypt(row.getValue(), "The client key of department " + row.getKey());
                update.setString(1, cipher.encrypt(plainKey));
                update.setInt(2, row.getKey());
                update.setString(3, row.getValue());
                update.executeUpdate();
            }
        }
        return new Reencrypted(plain, previous, unknown);
    }
}
