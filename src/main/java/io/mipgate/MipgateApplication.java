package io.mipgate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MipgateApplication {

    public static void main(String[] args) {
        SpringApplication.run(MipgateApplication.class, args);
    }
}
