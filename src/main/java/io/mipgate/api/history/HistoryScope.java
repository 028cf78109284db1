package io.mipgate.api.history;

import io.mipgate.api.history.HistoryDtos.PageDto;
import io.mipgate.module.ModuleDirectory;
import io.mipgate.store.BoxId;
import io.mipgate.store.history.ModuleRecordRepository;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** What every history endpoint checks and shapes alike: the box and module asked for, pages and their bounds. */
@Component
class HistoryScope {

    private final ModuleRecordRepository modules;
    private final ObjectProvider<ModuleDirectory> directory;
    private final HistoryApiProperties limits;
    private final BoxId localBox;

    HistoryScope(ModuleRecordRepository modules, ObjectProvider<ModuleDirectory> directory,
                 HistoryApiProperties limits, BoxId localBox) {
        this.modules = modules;
        this.directory = directory;
        this.limits = limits;
        this.localBox = localBox;
    }

    /** The box to read; 404 unless the module is live here or the store has seen it on that box. */
    String knownModule(String moduleId, String box) {
        String boxId = box == null || box.isBlank() ? localBox.value() : box.trim();
        boolean live = boxId.equals(localBox.value())
                && directory.getIfAvailable() != null && directory.getIfAvailable().find(moduleId).isPresent();
        if (!live && !modules.existsByBoxIdAndModuleId(boxId, moduleId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "unknown module '" + moduleId + "' on box '" + boxId + "'");
        }
        return boxId;
    }

    Pageable pageable(int page, Integer size, Sort sort) {
        int pageSize = size == null ? limits.defaultPageSize() : size;
        HistoryRequest.checkPage(page, pageSize, limits.maxPageSize());
        return PageRequest.of(page, pageSize, sort);
    }

    static <E, D> PageDto<D> page(Page<E> page, Function<E, D> mapper) {
        return new PageDto<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }
}
