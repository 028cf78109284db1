package io.mipgate;

import io.mipgate.emulator.EmulatorMain;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The gateway. {@code java -jar mipgate.jar emulator --model ML307R --tcp 7001} runs a standalone virtual module
 * instead, without Spring.
 */
@SpringBootApplication
public class MipgateApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("emulator")) {
            EmulatorMain.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(MipgateApplication.class, args);
    }
}
