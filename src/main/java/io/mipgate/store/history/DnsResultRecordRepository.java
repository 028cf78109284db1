package io.mipgate.store.history;

import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

public interface DnsResultRecordRepository extends Repository<DnsResultRecord, Long> {

    Page<DnsResultRecord> findByBoxIdAndModuleIdAndResolvedAtGreaterThanEqualAndResolvedAtLessThan(
            String boxId, String moduleId, Instant from, Instant to, Pageable page);
}
