package io.mipgate.emulator;

/**
 * Where the manual (AT-REFERENCE) and real firmware (FIELD-NOTES) differ, which one the emulator imitates.
 * {@link #MANUAL} is the default contract; {@link #FIELD} reproduces what release ML307R firmware is seen to do.
 *
 * @param name                        "manual" or "field"
 * @param readyOnFirstHostByte        withhold {@code +MATREADY} until the host sends its first byte (FIELD §2)
 * @param cpinReadyAfterBoot          print {@code +CPIN: READY} after {@code +MATREADY} (FIELD §2)
 * @param fieldMipcfgTest             AT+MIPCFG=? as the captured ML307 listing (FIELD §9) instead of the model's ranges
 * @param cat1DnsServers              every Cat.1 model accepts AT+MDNSCFG="ip" (FIELD §9; ML307 does in both profiles)
 * @param sendOnClosedError           CME code of AT+MIPSEND on an id that is not connected: 553 manual, 550 field (§7.3)
 * @param firstDnsAfterBootError      CME code of the first AT+MDNSGIP after boot, 0 = none (FIELD §10: 581)
 * @param commandLineLimit            longest accepted command line in characters (FIELD §7.1: ~1.5 KB)
 * @param segmentedReads              AT+MIPRD answers one line per received segment (FIELD §8.2) rather than one line
 * @param commandsMissedAfterRateChange command lines left unanswered right after AT+IPR switched the rate (FIELD §13:
 *                                    the first AT and AT+IPR? at the new rate time out, retries succeed)
 */
public record FirmwareProfile(
        String name,
        boolean readyOnFirstHostByte,
        boolean cpinReadyAfterBoot,
        boolean fieldMipcfgTest,
        boolean cat1DnsServers,
        int sendOnClosedError,
        int firstDnsAfterBootError,
        int commandLineLimit,
        boolean segmentedReads,
        int commandsMissedAfterRateChange) {

    public static final FirmwareProfile MANUAL = new FirmwareProfile("manual", false, false, false, false, 553, 0,
            4096, false, 0);

    public static final FirmwareProfile FIELD = new FirmwareProfile("field", true, true, true, true, 550, 581,
            1560, true, 2);

    public static FirmwareProfile parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "manual" -> MANUAL;
            case "field" -> FIELD;
            default -> throw new IllegalArgumentException("firmware profile must be manual or field: " + name);
        };
    }
}
