package io.mipgate.emulator;

import io.mipgate.domain.DnsCfgOption;
import io.mipgate.domain.ModuleErrorCode;
import io.mipgate.emulator.model.AllFamilies;
import io.mipgate.emulator.model.ModelFacts;
import io.mipgate.emulator.model.ParamRange;
import io.mipgate.emulator.net.DnsResult;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** AT+MDNSCFG (per-model sub-commands) and AT+MDNSGIP (real resolution, answer as URC). */
final class DnsCommands {

    private static final ParamRange BIT = ParamRange.of(0, 1);

    private final ModuleCore core;
    private final ModelFacts model;
    private final Set<DnsCfgOption> options;

    DnsCommands(ModuleCore core) {
        this.core = core;
        this.model = core.model;
        Set<DnsCfgOption> supported = EnumSet.noneOf(DnsCfgOption.class);
        supported.addAll(model.dns().options());
        if (core.firmware.cat1DnsServers() && !model.family().isNb()) {
            supported.add(DnsCfgOption.IP);
        }
        this.options = supported;
    }

    void register(Map<String, CommandHandler> handlers) {
        handlers.put("+MDNSCFG", this::config);
        handlers.put("+MDNSGIP", this::resolve);
    }

    // ------------------------------------------------------------------ AT+MDNSCFG

    private Reply config(AtCommand command) {
        if (command.form() == AtCommand.Form.TEST) {
            return test();
        }
        if (command.form() != AtCommand.Form.SET) {
            throw AtError.plain();
        }
        List<AtCommand.Param> p = command.params();
        DnsCfgOption option;
        try {
            option = DnsCfgOption.ofWireName(AtCommand.selector(p, 0));
        } catch (IllegalArgumentException e) {
            throw AtError.badParameters();
        }
        if (!options.contains(option)) {
            throw AtError.badParameters();
        }
        DnsState dns = core.state().dns;
        if (p.size() == 1) {
            return Reply.ok().line(query(option, dns));
        }
        AtCommand.maxParams(p, 3);
        switch (option) {
            case IP, IPV6 -> {
                boolean v6 = option == DnsCfgOption.IPV6;
                String first = server(p, 1, v6);
                String second = AtCommand.present(p, 2) ? server(p, 2, v6) : (v6 ? dns.ipv6 : dns.ipv4)[1];
                (v6 ? dns.ipv6 : dns.ipv4)[0] = first;
                (v6 ? dns.ipv6 : dns.ipv4)[1] = second;
            }
            case PRIORITY -> {
                AtCommand.maxParams(p, 2);
                dns.priority = AtCommand.integer(p, 1, BIT);
            }
            case CACHED -> {
                int mode = AtCommand.integer(p, 1, BIT);
                if (AtCommand.present(p, 2) && !model.dns().cachedPeriod()) {
                    throw AtError.badParameters();
                }
                dns.cachedPeriod = AtCommand.integer(p, 2, AllFamilies.DNS_CACHED_PERIOD, dns.cachedPeriod);
                dns.cachedMode = mode;
                core.network.clearDnsCache();
            }
            case TIMEOUT -> {
                int time = AtCommand.integer(p, 1, AllFamilies.DNS_TIME);
                dns.retries = AtCommand.integer(p, 2, AllFamilies.DNS_RETRIES, dns.retries);
                dns.timeout = time;
            }
        }
        return Reply.ok();
    }

    private Reply test() {
        Reply reply = Reply.ok();
        // NB lists all five sub-commands exactly as the manual's example (captured on an NB model); Cat.1 lists
        // what it accepts.
        boolean nb = model.family().isNb();
        if (nb || options.contains(DnsCfgOption.IP)) {
            reply.line("+MDNSCFG: \"ip\",,");
        }
        if (nb || options.contains(DnsCfgOption.IPV6)) {
            reply.line("+MDNSCFG: \"ipv6\",,");
        }
        reply.line("+MDNSCFG: \"priority\",(0,1)");
        if (nb || options.contains(DnsCfgOption.CACHED)) {
            reply.line("+MDNSCFG: \"cached\",(0,1)" + (nb || model.dns().cachedPeriod()
                    ? "," + AllFamilies.DNS_CACHED_PERIOD : ""));
        }
        if (nb || options.contains(DnsCfgOption.TIMEOUT)) {
            reply.line("+MDNSCFG: \"timeout\"," + AllFamilies.DNS_TIME + "," + AllFamilies.DNS_RETRIES);
        }
        return reply;
    }

    private String query(DnsCfgOption option, DnsState dns) {
        return "+MDNSCFG: \"" + option.wireName() + "\"," + switch (option) {
            case IP, IPV6 -> {
                boolean v6 = option == DnsCfgOption.IPV6;
                // Cat.1 "ip" exists only as field ML307 shows it: "a1",,"a2" (FIELD §9)
                String gap = model.family().isNb() ? "," : ",,";
                yield "\"" + dns.shown(v6, 0) + "\"" + gap + "\"" + dns.shown(v6, 1) + "\"";
            }
            case PRIORITY -> String.valueOf(dns.priority);
            case CACHED -> dns.cachedMode + (model.dns().cachedPeriod() ? "," + dns.cachedPeriod : "");
            case TIMEOUT -> dns.timeout + "," + dns.retries;
        };
    }

    private static String server(List<AtCommand.Param> p, int index, boolean v6) {
        if (index >= p.size() || !p.get(index).quoted()) {
            throw AtError.badParameters();
        }
        String text = p.get(index).text();
        boolean valid = text.isEmpty() || (v6 ? text.contains(":") && parses(text)
                : text.matches("\\d{1,3}(\\.\\d{1,3}){3}") && parses(text));
        if (!valid) {
            throw AtError.badParameters();
        }
        return text;
    }

    private static boolean parses(String literal) {
        try {
            InetAddress.getByName(literal);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ AT+MDNSGIP

    private Reply resolve(AtCommand command) {
        if (command.form() == AtCommand.Form.TEST) {
            return Reply.ok().line("+MDNSGIP: ," + (model.dns().cid() ? AllFamilies.PDP_CID : "(0-4)"));
        }
        if (command.form() != AtCommand.Form.SET) {
            throw AtError.plain();
        }
        List<AtCommand.Param> p = command.params();
        AtCommand.maxParams(p, 2);
        String domain = AtCommand.string(p, 0);
        if (domain.length() > AllFamilies.HOST_MAX_LENGTH) {
            throw AtError.badParameters();
        }
        if (AtCommand.present(p, 1)) {
            if (!model.dns().cid()) {
                throw AtError.badParameters();
            }
            DataCallCommands.requireActive(core, AtCommand.integer(p, 1, AllFamilies.PDP_CID));
        }
        DataCallCommands.requireActive(core);
        ModuleState state = core.state();
        if (state.dnsBusy) {
            throw AtError.cme(ModuleErrorCode.DNS_BUSY.code());
        }
        if (state.firstDnsPending) {
            state.firstDnsPending = false;
            if (core.faults.firstDnsError() != 0) {
                throw AtError.cme(core.faults.firstDnsError());
            }
        }
        state.dnsBusy = true;
        var settings = state.dns.settings(core.config);
        // the legacy firmware answers once the lookup is done, result before OK (FIELD-NOTES §14: TobudOS reads it
        // from the response; OneOS and RT-Thread take it either way)
        boolean beforeOk = core.reports.legacy();
        Reply lookup = beforeOk ? Reply.none() : Reply.ok();
        return lookup.then(() -> core.background(
                () -> core.network.resolve(domain, settings),
                result -> {
                    core.state().dnsBusy = false;
                    // a failure, timed out or not, reports the bare domain (AT-REFERENCE 2.11)
                    List<InetAddress> addresses = result instanceof DnsResult.Resolved resolved
                            ? resolved.addresses() : List.of();
                    String line = core.reports.lookedUp(domain, addresses);
                    if (beforeOk) {
                        core.answer(Reply.ok().line(line));
                    } else {
                        core.out.urc(line);
                    }
                }));
    }

    static String format(InetAddress address) {
        return address.getHostAddress().toUpperCase(Locale.ROOT);
    }
}
