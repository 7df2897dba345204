package id.pantauspm.job;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pantau.chase.*}: who the chase list (reports/latest/tagihan.html) expects reports from.
 *
 * @param regions region codes that must report, e.g. {@code 33} (Jawa Tengah and its 35 kabupaten/kota) or
 *                {@code 33.74,33.19}; empty: every province anything arrived from, with all its kabupaten/kota
 */
@ConfigurationProperties("pantau.chase")
public record ChaseSettings(@DefaultValue List<String> regions) {
}
