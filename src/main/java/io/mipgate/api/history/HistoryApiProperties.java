package io.mipgate.api.history;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mipgate.history.*}: limits of the history read API.
 *
 * @param defaultPageSize page size when none is asked for
 * @param maxPageSize     largest page size accepted (larger is a 400)
 * @param maxBuckets      most buckets one sack/history answer may have (a larger range/step ratio is a 400)
 * @param defaultRange    range of sack/history when {@code from} is not given
 * @param minStep         smallest bucket width of sack/history
 */
@ConfigurationProperties("mipgate.history")
public record HistoryApiProperties(@DefaultValue("50") int defaultPageSize,
                                   @DefaultValue("500") int maxPageSize,
                                   @DefaultValue("10000") int maxBuckets,
                                   @DefaultValue("1h") Duration defaultRange,
                                   @DefaultValue("1s") Duration minStep) {
}
