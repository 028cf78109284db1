package io.mipgate.api.events;

import io.mipgate.api.problem.ApiException;
import io.mipgate.api.problem.ProblemType;
import io.mipgate.domain.ModuleTime;
import io.mipgate.module.DeviceManager;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.store.BoxId;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Fans worker events out to Server-Sent-Event subscribers. One listener is registered with the device manager; it
 * only offers to each subscriber's bounded queue, so a slow client loses events (counted, and reported to it as a
 * {@code dropped} event) but never slows a worker. Each subscriber is drained by its own virtual thread. Every event
 * carries an {@code id:}; the last {@code mipgate.api.events.replay-size} are kept so that a client reconnecting
 * with {@code Last-Event-ID} first gets what it missed (and a {@code gap} event when some of it is gone).
 */
@Component
public class EventStreams {

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final String box;
    private final int queueSize;
    private final Duration timeout;
    private final Duration heartbeat;
    private final int maxStreamsPerKey;
    private final int maxStreams;

    private final EventLog recent;

    public EventStreams(DeviceManager devices, BoxId box, @Value("${mipgate.api.events.queue-size:256}") int queueSize,
                        @Value("${mipgate.api.events.timeout:PT30M}") Duration timeout,
                        @Value("${mipgate.api.events.heartbeat:PT15S}") Duration heartbeat,
                        @Value("${mipgate.api.events.max-streams-per-key:8}") int maxStreamsPerKey,
                        @Value("${mipgate.api.events.max-streams:128}") int maxStreams,
                        @Value("${mipgate.api.events.replay-size:1000}") int replaySize) {
        this.box = box.value();
        this.recent = new EventLog(Long.toString(System.currentTimeMillis(), 36), replaySize);
        this.queueSize = queueSize;
        this.timeout = timeout;
        this.heartbeat = heartbeat;
        this.maxStreamsPerKey = maxStreamsPerKey;
        this.maxStreams = maxStreams;
        devices.subscribe(this::publish);
    }

    /**
     * A new stream of events of one module (or all when {@code moduleId} is null), optionally of some types only, for
     * {@code owner} (the credential's name), resuming after {@code lastEventId} when it is not null. Each stream holds
     * a thread and a queue until its client goes: past the per-credential or the gateway-wide cap a new one is refused
     * with 429.
     *
     * @throws IllegalArgumentException when {@code lastEventId} is not an id this gateway could have sent
     */
    public SseEmitter subscribe(String owner, String moduleId, Set<String> types, String lastEventId) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Subscriber subscriber = new Subscriber(box, emitter, owner, moduleId, types,
                new ArrayBlockingQueue<>(queueSize));
        synchronized (recent) {
            if (subscribers.size() >= maxStreams) {
                throw new ApiException(ProblemType.TOO_MANY_STREAMS, "the gateway serves at most " + maxStreams
                        + " event streams at once; close one or retry later");
            }
            long own = subscribers.stream().filter(s -> s.owner.equals(owner)).count();
            if (own >= maxStreamsPerKey) {
                throw new ApiException(ProblemType.TOO_MANY_STREAMS, "these credentials hold " + own
                        + " event streams, the most allowed (mipgate.api.events.max-streams-per-key); close one first");
            }
            // under the publishing lock: nothing falls between the replay and the live queue, nothing comes twice
            subscriber.replay = lastEventId == null ? null : recent.after(lastEventId, subscriber::wants);
            subscribers.add(subscriber);
        }
        emitter.onCompletion(() -> subscriber.stop(subscribers));
        emitter.onTimeout(() -> subscriber.stop(subscribers));
        emitter.onError(e -> subscriber.stop(subscribers));
        Thread.ofVirtual().name("sse-" + (moduleId == null ? "all" : moduleId)).start(() -> subscriber.drain(heartbeat));
        return emitter;
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    private void publish(ModuleEvent event) {
        synchronized (recent) {
            EventLog.Entry entry = recent.append(event);
            for (Subscriber subscriber : subscribers) {
                subscriber.offer(entry);
            }
        }
    }

    /**
     * The JSON body of an event: its type, the gateway it comes from and its record components. Events never carry
     * payload bytes.
     */
    static Map<String, Object> body(ModuleEvent event, String box) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type());
        body.put("box", box);
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(event);
                body.put(component.getName(), value instanceof Enum<?> e ? e.name() : value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        if (event instanceof ModuleEvent.NtpCompleted ntp) {
            body.put("time", ModuleTime.parse(ntp.time()).orElse(null));
            body.put("moduleTime", ntp.time());
        }
        return body;
    }

    private static final class Subscriber {
        private final String box;
        private final SseEmitter emitter;
        private final String owner;
        private final String moduleId;
        private final Set<String> types;
        private final BlockingQueue<EventLog.Entry> queue;
        private final AtomicLong dropped = new AtomicLong();
        private volatile boolean stopped;
        private volatile EventLog.Replay replay;

        Subscriber(String box, SseEmitter emitter, String owner, String moduleId, Set<String> types,
                   BlockingQueue<EventLog.Entry> queue) {
            this.box = box;
            this.emitter = emitter;
            this.owner = owner;
            this.moduleId = moduleId;
            this.types = types;
            this.queue = queue;
        }

        boolean wants(ModuleEvent event) {
            return (moduleId == null || moduleId.equals(event.moduleId()))
                    && (types.isEmpty() || types.contains(event.type()));
        }

        void offer(EventLog.Entry entry) {
            if (stopped || !wants(entry.event())) {
                return;
            }
            if (!queue.offer(entry)) {
                dropped.incrementAndGet();
            }
        }

        private void send(EventLog.Entry entry) throws IOException {
            emitter.send(SseEmitter.event().id(entry.id()).name(entry.event().type())
                    .data(body(entry.event(), box), MediaType.APPLICATION_JSON));
        }

        private void sendReplay() throws IOException {
            EventLog.Replay missed = replay;
            replay = null;
            if (missed == null) {
                return;
            }
            if (missed.gap()) {
                Map<String, Object> gap = new LinkedHashMap<>();
                gap.put("type", "gap");
                gap.put("box", box);
                gap.put("events", missed.missed() < 0 ? null : missed.missed());
                gap.put("reason", missed.missed() < 0 ? "Last-Event-ID is from an earlier run of the gateway"
                        : "older events are no longer held");
                emitter.send(SseEmitter.event().name("gap").data(gap, MediaType.APPLICATION_JSON));
            }
            for (EventLog.Entry entry : missed.entries()) {
                send(entry);
            }
        }

        void drain(Duration heartbeat) {
            try {
                emitter.send(SseEmitter.event().comment("mipgate events" + (moduleId == null ? "" : " of " + moduleId)));
                sendReplay();
                while (!stopped) {
                    EventLog.Entry event = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                    long lost = dropped.getAndSet(0);
                    if (lost > 0) {
                        emitter.send(SseEmitter.event().name("dropped")
                                .data(Map.of("type", "dropped", "events", lost), MediaType.APPLICATION_JSON));
                    }
                    if (event == null) {
                        emitter.send(SseEmitter.event().comment("heartbeat"));
                        continue;
                    }
                    send(event);
                }
            } catch (IOException | IllegalStateException e) {
                log.debug("event subscriber gone: {}", e.toString());
                emitter.completeWithError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                emitter.complete();
            }
        }

        void stop(CopyOnWriteArrayList<Subscriber> all) {
            stopped = true;
            all.remove(this);
        }
    }
}
