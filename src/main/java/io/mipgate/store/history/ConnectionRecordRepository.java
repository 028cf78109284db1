package io.mipgate.store.history;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

public interface ConnectionRecordRepository extends Repository<ConnectionRecord, Long> {

    /** Lifetimes of one connect_id opened in [from, to); order comes with the pageable. */
    Page<ConnectionRecord> findByBoxIdAndModuleIdAndConnectIdAndOpenedAtGreaterThanEqualAndOpenedAtLessThan(
            String boxId, String moduleId, int connectId, Instant from, Instant to, Pageable page);

    Optional<ConnectionRecord> findByBoxIdAndModuleIdAndConnectIdAndGeneration(String boxId, String moduleId,
                                                                              int connectId, long generation);
}
