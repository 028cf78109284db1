package io.mipgate.store.history;

import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

public interface AtJobRepository extends Repository<AtJobRecord, Long> {

    Page<AtJobRecord> findByBoxIdAndModuleIdAndFinishedAtGreaterThanEqualAndFinishedAtLessThan(
            String boxId, String moduleId, Instant from, Instant to, Pageable page);

    Page<AtJobRecord> findByBoxIdAndModuleIdAndOutcomeAndFinishedAtGreaterThanEqualAndFinishedAtLessThan(
            String boxId, String moduleId, String outcome, Instant from, Instant to, Pageable page);

    long countByBoxIdAndModuleId(String boxId, String moduleId);
}
