package io.mipgate.store.history;

import java.util.Optional;
import org.springframework.data.repository.Repository;

public interface ModuleRecordRepository extends Repository<ModuleRecord, Long> {

    boolean existsByBoxIdAndModuleId(String boxId, String moduleId);

    Optional<ModuleRecord> findByBoxIdAndModuleId(String boxId, String moduleId);
}
