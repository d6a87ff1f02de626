package org.cinemates.movie.importer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The latest catalogue import, for dashboards: {@code cinemates.import.processed.rows}, {@code
 * cinemates.import.total.rows} and {@code cinemates.import.running} (1 while one runs).
 */
@Component
class ImportMetrics implements MeterBinder {

    private final CatalogueImports imports;

    ImportMetrics(CatalogueImports imports) {
        this.imports = imports;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "cinemates.import.processed.rows", "Rows the latest import has read", s -> s.processed());
        gauge(registry, "cinemates.import.total.rows", "Rows the latest import will read", s -> s.total());
        Gauge.builder("cinemates.import.running", imports, i -> i.importing() ? 1 : 0)
                .description("1 while a catalogue import runs")
                .tag("service", "movie-service")
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<ImportStatus> value) {
        Gauge.builder(name, imports, i -> {
                    try {
                        return value.applyAsDouble(i.status());
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .description(description)
                .tag("service", "movie-service")
                .register(registry);
    }
}
