package com.renar.mes.masterdata;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** One of the plant's processes (aggregate root); {@code sequence} is its place in the flow of material. */
@Table("process_step")
record ProcessStep(
        @Id Long id,
        String code,
        String name,
        int sequence,
        @Version int version) {

    static ProcessStep create(String code, String name, int sequence) {
        return new ProcessStep(null, code, name, sequence, 0);
    }

    ProcessStep update(String name, int sequence) {
        return new ProcessStep(id, code, name, sequence, version);
    }

    ProcessStepInfo info() {
        return new ProcessStepInfo(id, code, name, sequence);
    }
}
