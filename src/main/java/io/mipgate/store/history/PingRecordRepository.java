package io.mipgate.store.history;

import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

public interface PingRecordRepository extends Repository<PingRecord, Long> {

    Page<PingRecord> findByBoxIdAndModuleIdAndCompletedAtGreaterThanEqualAndCompletedAtLessThan(
            String boxId, String moduleId, Instant from, Instant to, Pageable page);
}
