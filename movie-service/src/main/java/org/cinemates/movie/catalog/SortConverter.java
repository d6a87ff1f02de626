package org.cinemates.movie.catalog;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Reads {@code sort=-year} and friends; anything else is a 400 that lists the allowed values. */
@Component
class SortConverter implements Converter<String, Sort> {

    @Override
    public Sort convert(String source) {
        return Sort.of(source.strip())
                .orElseThrow(() -> new IllegalArgumentException("Unknown sort order '" + source + "'"));
    }
}
