package io.mipgate.emulator;

import io.mipgate.domain.DnsCfgOption;
import io.mipgate.domain.MipCfgOption;
import io.mipgate.emulator.model.AllFamilies;
import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.emulator.model.ModelFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact text a family prints where the V5.0.0 manual fixes the output dialect: test-command answers and the
 * default values of queries (AT-REFERENCE §2 examples, canonical spacing per §1.4). This is the one place the family
 * walk ({@link FamilyConformanceTest}) takes wire text from; a family emulated in an older firmware dialect gets its
 * own answers here, selected by {@link #of(EmulatedFamily)}, while the walk's commands, ranges and error cases stay
 * the same. Every family speaks V5 today.
 */
final class V5Wire {

    private final ModelFacts model;
    private final String ids;

    private V5Wire(ModelFacts model) {
        this.model = model;
        this.ids = model.connectIds().toString();
    }

    static V5Wire of(EmulatedFamily family) {
        return new V5Wire(family.facts());
    }

    /** §2.1.1, field listing of FIELD §9 for the shape: one line per supported option, the manual's order. */
    List<String> mipcfgTest() {
        List<String> lines = new ArrayList<>();
        for (MipCfgOption option : MipCfgOption.values()) {
            if (!model.supports(option)) {
                continue;
            }
            String values = switch (option) {
                case CID -> AllFamilies.PDP_CID.toString();
                case ENCODING -> "(0-2),(0-1)";
                case TIMEOUT -> model.send().sendTimeout().orElseThrow().toString();
                case AUTOFREE, ACKMODE -> "(0-1)";
                case SNDBUF -> AllFamilies.SEND_BUFFER.toString();
                case RCVBUF -> model.receive().udpRcvbuf().orElseThrow().toString();
                case SSL -> "(0-1)," + AllFamilies.SSL_ID;
            };
            lines.add("+MIPCFG: \"" + option.wireName() + "\"," + ids + "," + values);
        }
        lines.add("OK");
        return lines;
    }

    /** A query of one instance before any setting (§2.1.3 defaults; "cid" prints no value while unassigned). */
    String mipcfgDefault(MipCfgOption option, int id) {
        String values = switch (option) {
            case CID -> "";
            case ENCODING -> ",0,0";
            case TIMEOUT -> "," + AllFamilies.SEND_TIMEOUT_DEFAULT;
            case AUTOFREE, ACKMODE -> ",0";
            case SNDBUF -> "," + AllFamilies.SEND_BUFFER_DEFAULT;
            case RCVBUF -> "," + model.receive().udpRcvbufDefault();
            case SSL -> ",0,0";
        };
        return "+MIPCFG: \"" + option.wireName() + "\"," + id + values;
    }

    /** §2.2.3, following the example's five lists (§6 item 6). */
    String miptkaTest() {
        return "+MIPTKA: " + ids + ",(0-1),(30-7200),(30-600),(1-9)";
    }

    /** §2.3.1: seven fields in parameter order (§6 item 5). */
    String mipopenTest() {
        return "+MIPOPEN: " + ids + ",,,(0-65535),(1-180),(0-3),(0-65535)";
    }

    /** §2.4.3: the modes the family accepts (§6 item 8). */
    String mipcloseTest() {
        return "+MIPCLOSE: " + ids + "," + model.close().configurableModes().map(Object::toString).orElse("(0-3)");
    }

    /** §2.5.1: rai and seq lists only where {@code <seq>} exists (§6 item 7). */
    String mipsendTest() {
        return "+MIPSEND: " + ids + ",(0-1460)" + (model.send().seq() ? ",,(0-2),(1-255)" : "");
    }

    String miprdTest() {
        return "+MIPRD: " + ids + "," + model.receive().readLength();
    }

    String mipmodeTest() {
        return "+MIPMODE: " + ids + ",(0-3),(512-1460),(100-2000)";
    }

    String mipsackTest() {
        return "+MIPSACK: " + ids;
    }

    /** §2.10.1: NB prints the manual's five lines; Cat.1 lists what it accepts. */
    List<String> mdnscfgTest() {
        boolean nb = model.family().isNb();
        List<String> lines = new ArrayList<>();
        if (nb || model.dns().options().contains(DnsCfgOption.IP)) {
            lines.add("+MDNSCFG: \"ip\",,");
        }
        if (nb) {
            lines.add("+MDNSCFG: \"ipv6\",,");
        }
        lines.add("+MDNSCFG: \"priority\",(0,1)");
        if (nb) {
            lines.add("+MDNSCFG: \"cached\",(0,1),(1-65535)");
            lines.add("+MDNSCFG: \"timeout\",(1-60),(1-9)");
        } else if (model.dns().options().contains(DnsCfgOption.CACHED)) {
            lines.add("+MDNSCFG: \"cached\",(0,1)");
        }
        lines.add("OK");
        return lines;
    }

    /** A query of a DNS sub-command before any setting (§2.10.2 defaults). */
    String mdnscfgDefault(DnsCfgOption option) {
        String servers = model.family().isNb() ? "," : ",,"; // Cat.1 "ip" as field ML307 prints it (FIELD §9)
        return "+MDNSCFG: \"" + option.wireName() + "\"," + switch (option) {
            case IP -> "\"119.29.29.29\"" + servers + "\"114.114.114.114\"";
            case IPV6 -> "\"2400:3200::1\"" + servers + "\"2001:4860:4860::8888\"";
            case PRIORITY -> "1";
            case CACHED -> model.dns().cachedModeDefault() + (model.dns().cachedPeriod() ? ",3600" : "");
            case TIMEOUT -> model.dns().timeoutDefault() + ",3";
        };
    }

    /** §2.11.1; families without {@code <cid>} print the manual's example list (§6 item 14). */
    String mdnsgipTest() {
        return "+MDNSGIP: ," + (model.dns().cid() ? AllFamilies.PDP_CID.toString() : "(0-4)");
    }

    /** §2.12.1; the {@code <cid>} list only where the parameter exists (§6 item 13). */
    String mpingTest() {
        return "+MPING: ,(1-60),(1-65535),(1-1400)" + (model.pingCid() ? "," + AllFamilies.PDP_CID : "");
    }

    /** §2.15.1 (inferred shape). */
    String mntpTest() {
        return "+MNTP: ,(0-65535),(0,1),(1-300)";
    }
}
