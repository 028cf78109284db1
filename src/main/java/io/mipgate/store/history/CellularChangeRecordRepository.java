package io.mipgate.store.history;

import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

public interface CellularChangeRecordRepository extends Repository<CellularChangeRecord, Long> {

    Page<CellularChangeRecord> findByBoxIdAndModuleIdAndReadAtGreaterThanEqualAndReadAtLessThan(
            String boxId, String moduleId, Instant from, Instant to, Pageable page);
}
