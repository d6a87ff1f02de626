package org.cinemates.preference.history;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How imports are read and run.
 *
 * @param maxEntries files a ZIP may hold
 * @param maxUncompressed what a ZIP may unpack to, all files together
 * @param maxRatio how much tighter than this a file in a ZIP may not be packed (a zip bomb is)
 * @param maxRows rows all files of one import may hold together
 * @param workers imports analysed or applied at once
 * @param queue imports waiting for a worker; beyond that an upload gets 503
 * @param catalogueTtl how long the catalogue's index is kept between imports
 * @param maxCatalogue movies read into the index at most
 */
@Validated
@ConfigurationProperties("cinemates.preferences.imports")
record ImportSettings(
        @DefaultValue("1000") @Min(1) int maxEntries,
        @DefaultValue("100MB") DataSize maxUncompressed,
        @DefaultValue("200") @Min(2) int maxRatio,
        @DefaultValue("500000") @Min(1) @Max(10_000_000) int maxRows,
        @DefaultValue("1") @Min(1) @Max(16) int workers,
        @DefaultValue("8") @Min(0) int queue,
        @DefaultValue("5m") @DurationMin(seconds = 0) Duration catalogueTtl,
        @DefaultValue("2000000") @Min(1) int maxCatalogue) {}
