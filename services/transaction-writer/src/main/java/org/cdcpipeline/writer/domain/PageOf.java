package org.cdcpipeline.writer.domain;

import java.util.List;
import java.util.function.Function;

/** One page of a listing, numbered from 0, with the total number of matching rows. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public <R> PageOf<R> map(Function<T, R> mapper) {
        return new PageOf<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
