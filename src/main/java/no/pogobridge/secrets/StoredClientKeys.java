package no.pogobridge.secrets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings every client_key of department_connection under the current key: plain ones encrypted, ones under the
 * previous key re-encrypted. Each row is written only if it still holds the value read, so two instances starting
 * at once cannot overwrite each other's fresh values. Runs on Flyway's connection, in Flyway's transaction.
 */
final class StoredClientKeys {

    /**
     * How many rows were plain and how many under the previous key (both now under the current one), and why the
     * rows that cannot be read were left as they are (each reason names its department, never a secret): one
     * damaged row must not keep the server, and every other department, from starting.
     */
    record Reencrypted(int plain, int previousKey, List<String> unreadable) {
    }

    private StoredClientKeys() {
    }

    static Reencrypted underCurrentKey(Connection connection, SecretsCipher cipher) throws SQLException {
        Map<Integer, String> stale = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT department_id, client_key FROM department_connection ORDER BY department_id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String stored = rows.getString("client_key");
                if (cipher.formOf(stored) != SecretsCipher.Form.CURRENT_KEY) {
                    stale.put(rows.getInt("department_id"), stored);
                }
            }
        }
        int plain = 0;
        int previous = 0;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE department_connection SET client_key = ? WHERE department_id = ? AND client_key = ?")) {
            for (Map.Entry<Integer, String> row : stale.entrySet()) {
                String plainKey;
                try {
                    plainKey = cipher.decrypt(row.getValue(), "The client key of department " + row.getKey());
                } catch (UnreadableSecretException e) {
                    unreadable.add(e.getMessage());
                    continue;
                }
                if (cipher.formOf(row.getValue()) == SecretsCipher.Form.PLAIN) {
                    plain++;
                } else {
                    previous++;
                }
                update.setString(1, cipher.encrypt(plainKey));
                update.setInt(2, row.getKey());
                update.setString(3, row.getValue());
                update.executeUpdate();
            }
        }
        return new Reencrypted(plain, previous, List.copyOf(unreadable));
    }
}
