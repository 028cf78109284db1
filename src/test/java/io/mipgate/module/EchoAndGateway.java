package io.mipgate.module;

import io.mipgate.emulator.net.TcpEchoServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The worker tests' fixture: a loopback TCP echo peer and a {@link Gateway} over virtual modules, fresh for each test
 * (before the class's own {@code @BeforeEach}) and closed after it. Register it with {@code @RegisterExtension}.
 */
final class EchoAndGateway implements BeforeEachCallback, AfterEachCallback {

    TcpEchoServer echo;
    Gateway gateway;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        echo = TcpEchoServer.start();
        gateway = new Gateway();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (echo != null) {
            echo.close();
        }
    }
}
