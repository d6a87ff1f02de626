package org.cinemates.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize request bodies above this size get 413 (nginx has the same limit)
 * @param maxBodySizeByPath a larger limit for a few exact paths (uploads), as nginx has it there
 */
@ConfigurationProperties("cinemates.web")
public record WebSettings(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue java.util.Map<String, DataSize> maxBodySizeByPath) {}
