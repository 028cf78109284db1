package io.mipgate.store.history;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * What every history row has: a surrogate id and the (box, module) it belongs to. Rows are written by the store
 * writer over JDBC; the entities are read-only.
 */
@MappedSuperclass
public abstract class BoxScopedRecord {

    @Id
    private Long id;
    @Column(name = "box_id")
    private String boxId;
    @Column(name = "module_id")
    private String moduleId;

    protected BoxScopedRecord() {
    }

    public Long getId() { return id; }
    public String getBoxId() { return boxId; }
    public String getModuleId() { return moduleId; }
}
