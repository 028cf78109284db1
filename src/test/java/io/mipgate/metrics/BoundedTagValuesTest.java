package io.mipgate.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedTagValuesTest {

    @Test
    void keepsNamesUpToTheLimitThenFoldsIntoOther() {
        BoundedTagValues tags = new BoundedTagValues(2);
        assertThat(tags.of("AT+MIPOPEN")).isEqualTo("AT+MIPOPEN");
        assertThat(tags.of("AT+MIPSEND")).isEqualTo("AT+MIPSEND");
        assertThat(tags.of("AT+MIPCLOSE")).isEqualTo("other");
        assertThat(tags.of("AT+MIPOPEN")).as("known values stay").isEqualTo("AT+MIPOPEN");
    }

    @Test
    void refusesValuesThatDoNotLookLikeNames() {
        BoundedTagValues tags = new BoundedTagValues(10);
        assertThat(tags.of("AT+MIPSEND=1,5,\"hello world\"")).isEqualTo("other");
        assertThat(tags.of("x".repeat(40))).isEqualTo("other");
        assertThat(tags.of(null)).isEqualTo("none");
    }
}
