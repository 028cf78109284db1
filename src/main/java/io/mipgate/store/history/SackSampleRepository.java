package io.mipgate.store.history;

import java.time.Instant;
import java.util.stream.Stream;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import jakarta.persistence.QueryHint;

public interface SackSampleRepository extends Repository<SackSampleRecord, Long> {

    /** Samples in [from, to) oldest first, as unmanaged points so a long range does not fill the persistence context. */
    @Query("select new io.mipgate.store.history.SackPoint(s.sampledAt, s.sentBytes, s.ackedBytes, s.nackBytes,"
            + " s.receivedBytes) from SackSampleRecord s where s.boxId = :box and s.moduleId = :module"
            + " and s.connectId = :connectId and s.sampledAt >= :from and s.sampledAt < :to"
            + " order by s.sampledAt asc, s.id asc")
    @QueryHints(@QueryHint(name = "org.hibernate.fetchSize", value = "1000"))
    Stream<SackPoint> streamSeries(@Param("box") String box, @Param("module") String moduleId,
                                   @Param("connectId") int connectId, @Param("from") Instant from,
                                   @Param("to") Instant to);

    long countByBoxIdAndModuleId(String boxId, String moduleId);
}
