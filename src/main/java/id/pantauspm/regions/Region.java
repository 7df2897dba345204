package id.pantauspm.regions;

/** A province or kabupaten/kota with its Kemendagri code (PP or PP.KK). */
public record Region(String code, String name, Level level, String provinceCode, long population) {

    public enum Level { PROVINSI, KABUPATEN, KOTA;
        public boolean isProvince() {
            return this == PROVINSI;
        }
    }

    public boolean isProvince() {
        return level.isProvince();
    }
}
