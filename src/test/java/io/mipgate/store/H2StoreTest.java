package io.mipgate.store;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:store-contract;DB_CLOSE_DELAY=-1",
        "mipgate.box-id=" + AbstractStoreContract.BOX})
class H2StoreTest extends AbstractStoreContract {
}
