package io.mipgate.store.history;

import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

public interface OperatorActionRecordRepository extends Repository<OperatorActionRecord, Long> {

    Page<OperatorActionRecord> findByBoxIdAndModuleIdAndRequestedAtGreaterThanEqualAndRequestedAtLessThan(
            String boxId, String moduleId, Instant from, Instant to, Pageable page);
}
