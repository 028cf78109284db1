package io.mipgate.api;

import io.mipgate.api.dto.ConfigDtos.DnsCfgKey;
import io.mipgate.api.dto.ConfigDtos.DnsCfgRequest;
import io.mipgate.api.dto.ConfigDtos.DnsCfgValue;
import io.mipgate.api.dto.ConfigDtos.KeepAliveRequest;
import io.mipgate.api.dto.ConfigDtos.KeepAliveValue;
import io.mipgate.api.dto.ConfigDtos.MipCfgKey;
import io.mipgate.api.dto.ConfigDtos.MipCfgRequest;
import io.mipgate.api.dto.ConfigDtos.MipCfgValue;
import io.mipgate.api.problem.ApiException;
import io.mipgate.domain.RecvFormat;
import io.mipgate.domain.SendFormat;
import io.mipgate.module.ModuleClient;
import io.mipgate.module.request.ConnectionSetting;
import io.mipgate.module.request.DnsSetting;
import io.mipgate.module.request.KeepAlive;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * AT+MIPCFG per connect_id, AT+MIPTKA keep-alive and AT+MDNSCFG (GET: VIEWER, PUT: ADMIN). Options the model does
 * not have answer 422 naming the model, before anything is sent.
 */
@RestController
@Tag(name = "config", description = "Module configuration (GET: VIEWER; PUT: ADMIN)")
public class ConfigController {

    private static final String CONFIG = ApiPaths.MODULE + "/config";

    private final ModuleAccess modules;

    public ConfigController(ModuleAccess modules) {
        this.modules = modules;
    }

    // ---- AT+MIPCFG ----

    @GetMapping(CONFIG + "/mipcfg/{option}")
    @Operation(summary = "Read an AT+MIPCFG option", description = "Every instance, or one with connectId.")
    public List<MipCfgValue> mipcfg(@PathVariable String moduleId, @PathVariable MipCfgKey option,
                                    @RequestParam(required = false) Integer connectId) {
        ModuleClient client = modules.client(moduleId);
        ModuleAccess.bodyConnectId(client, connectId);
        return Await.result(client.config(option.toDomain(), connectId)).stream()
                .map(value -> new MipCfgValue(value.option().wireName(), value.connectId(), value.values())).toList();
    }

    @PutMapping(CONFIG + "/mipcfg/{option}/{connectId}")
    @Operation(summary = "Set an AT+MIPCFG option of one connect_id", description = "Answers the value read back.")
    public List<MipCfgValue> setMipcfg(@PathVariable String moduleId, @PathVariable MipCfgKey option,
                                       @PathVariable int connectId, @Valid @RequestBody MipCfgRequest request) {
        ModuleClient client = modules.client(moduleId);
        ModuleAccess.pathConnectId(client, connectId);
        Await.result(client.configure(setting(option, connectId, request)));
        return mipcfg(moduleId, option, connectId);
    }

    private static ConnectionSetting setting(MipCfgKey option, int id, MipCfgRequest r) {
        return switch (option) {
            case cid -> new ConnectionSetting.PdpContext(id, required("cid", r.cid(), option));
            case encoding -> new ConnectionSetting.Encoding(id,
                    SendFormat.valueOf(required("sendFormat", r.sendFormat(), option).name().toUpperCase(Locale.ROOT)),
                    RecvFormat.valueOf(required("recvFormat", r.recvFormat(), option).name().toUpperCase(Locale.ROOT)));
            case timeout -> new ConnectionSetting.SendTimeout(id, required("seconds", r.seconds(), option));
            case autofree -> new ConnectionSetting.AutoFree(id, required("hostReleases", r.hostReleases(), option));
            case sndbuf -> new ConnectionSetting.SendBuffer(id, required("bytes", r.bytes(), option));
            case rcvbuf -> new ConnectionSetting.ReceiveBuffer(id, required("bytes", r.bytes(), option));
            case ackmode -> new ConnectionSetting.AckMode(id, required("enabled", r.enabled(), option));
            case ssl -> new ConnectionSetting.Ssl(id, required("enabled", r.enabled(), option), required("sslId", r.sslId(), option));
        };
    }

    private static <T> T required(String field, T value, Enum<?> option) {
        if (value == null) {
            throw ApiException.invalid(field, null, "required for option " + option.name());
        }
        return value;
    }

    // ---- AT+MIPTKA ----

    @GetMapping(CONFIG + "/keepalive")
    @Operation(summary = "Read TCP keep-alive of every instance (AT+MIPTKA?)")
    public List<KeepAliveValue> keepAlive(@PathVariable String moduleId) {
        ModuleClient client = modules.client(moduleId);
        return Await.result(client.keepAlive((Integer) null)).stream().map(ConfigController::keepAliveValue).toList();
    }

    @GetMapping(CONFIG + "/keepalive/{connectId}")
    @Operation(summary = "Read TCP keep-alive of one instance (AT+MIPTKA=<id>)")
    public List<KeepAliveValue> keepAlive(@PathVariable String moduleId, @PathVariable int connectId) {
        ModuleClient client = modules.client(moduleId);
        ModuleAccess.pathConnectId(client, connectId);
        return Await.result(client.keepAlive(connectId)).stream().map(ConfigController::keepAliveValue).toList();
    }

    @PutMapping(CONFIG + "/keepalive/{connectId}")
    @Operation(summary = "Set TCP keep-alive of one instance (AT+MIPTKA)", description = "Answers the value read back.")
    public List<KeepAliveValue> setKeepAlive(@PathVariable String moduleId, @PathVariable int connectId,
                                             @Valid @RequestBody KeepAliveRequest request) {
        ModuleClient client = modules.client(moduleId);
        ModuleAccess.pathConnectId(client, connectId);
        Await.result(client.configureKeepAlive(new KeepAlive(connectId, request.enabled(), request.idleSeconds(),
                request.intervalSeconds(), request.count())));
        return keepAlive(moduleId, connectId);
    }

    private static KeepAliveValue keepAliveValue(KeepAlive value) {
        return new KeepAliveValue(value.connectId(), value.enabled(), value.idleSeconds(), value.intervalSeconds(),
                value.count());
    }

    // ---- AT+MDNSCFG ----

    @GetMapping(CONFIG + "/dns/{option}")
    @Operation(summary = "Read an AT+MDNSCFG option")
    public List<DnsCfgValue> dnsConfig(@PathVariable String moduleId, @PathVariable DnsCfgKey option) {
        ModuleClient client = modules.client(moduleId);
        return Await.result(client.dnsConfig(option.toDomain())).stream()
                .map(value -> new DnsCfgValue(value.option().wireName(), value.values())).toList();
    }

    @PutMapping(CONFIG + "/dns/{option}")
    @Operation(summary = "Set an AT+MDNSCFG option", description = "Answers the value read back.")
    public List<DnsCfgValue> setDnsConfig(@PathVariable String moduleId, @PathVariable DnsCfgKey option,
                                          @Valid @RequestBody DnsCfgRequest request) {
        ModuleClient client = modules.client(moduleId);
        Await.result(client.configureDns(dnsSetting(option, request)));
        return dnsConfig(moduleId, option);
    }

    private static DnsSetting dnsSetting(DnsCfgKey option, DnsCfgRequest r) {
        return switch (option) {
            case ip -> new DnsSetting.Servers(false, required("primary", r.primary(), option), r.secondary());
            case ipv6 -> new DnsSetting.Servers(true, required("primary", r.primary(), option), r.secondary());
            case priority -> new DnsSetting.Priority(required("ipv6First", r.ipv6First(), option));
            case cached -> new DnsSetting.Cache(required("cacheDisabled", r.cacheDisabled(), option),
                    r.cachedPeriodSeconds());
            case timeout -> new DnsSetting.Timeout(required("timeoutSeconds", r.timeoutSeconds(), option), r.retries());
        };
    }
}
