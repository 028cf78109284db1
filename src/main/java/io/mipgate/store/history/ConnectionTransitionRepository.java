package io.mipgate.store.history;

import java.util.Collection;
import java.util.List;
import org.springframework.data.repository.Repository;

public interface ConnectionTransitionRepository extends Repository<ConnectionTransition, Long> {

    List<ConnectionTransition> findByBoxIdAndModuleIdAndConnectIdAndGenerationInOrderByChangedAtAscIdAsc(
            String boxId, String moduleId, int connectId, Collection<Long> generations);
}
