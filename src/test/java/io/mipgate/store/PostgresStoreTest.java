package io.mipgate.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same contract on a real PostgreSQL, in a schema of its own (see {@link PostgresTestDatabase}). */
@ExtendWith(PostgresTestDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "mipgate.box-id=" + AbstractStoreContract.BOX})
class PostgresStoreTest extends AbstractStoreContract {

    private static String schema;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.Server server = PostgresTestDatabase.server().orElseThrow();
        schema = PostgresTestDatabase.createSchema();
        registry.add("spring.datasource.url", () -> server.urlWithSchema(schema));
        registry.add("spring.datasource.username", server::user);
        registry.add("spring.datasource.password", server::password);
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            PostgresTestDatabase.dropSchema(schema);
        }
    }
}
