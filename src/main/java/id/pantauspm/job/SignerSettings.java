package id.pantauspm.job;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who signs the Laporan Penerapan SPM ({@code pantau.report.signer.*}): the signature block of every
 * PDF. Left empty, the block shows dotted lines to fill in by hand, never an invented name.
 *
 * @param name     the official's name, as it is printed under the signature
 * @param position the position ("Bupati Sleman", "Kepala Bappeda", "Plt. Sekretaris Daerah")
 * @param nip      the civil servant number (NIP); empty for an elected head of region
 * @param place    where it is signed ("Sleman"); empty: the region's name without "Kabupaten"/"Kota"
 * @param region   the region code whose reports carry this name ("34.04"); empty: every report. Other regions'
 *                 reports get dotted lines, so one installation serving a province never signs for a kabupaten.
 */
@ConfigurationProperties("pantau.report.signer")
public record SignerSettings(String name, String position, String nip, String place, String region) {
}
