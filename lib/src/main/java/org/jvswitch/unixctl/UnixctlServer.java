package org.jvswitch.unixctl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.jvswitch.coverage.Coverage;
import org.jvswitch.daemon.RunDirs;
import org.jvswitch.jsonrpc.JsonRpcDecoder;
import org.jvswitch.jsonrpc.JsonRpcEncoder;
import org.jvswitch.jsonrpc.ProtocolErrorHandler;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The unixctl server: the control socket that {@code ovs-appctl} talks to, with OVS's protocol
 * (JSON-RPC 1.0 over a unix stream socket, string arguments, string answers) and its built-in
 * commands: {@code list-commands}, {@code version}, {@code exit}, {@code memory/show},
 * {@code coverage/show}, {@code coverage/read-counter} and the {@code vlog/*} commands.
 *
 * <pre>{@code
 * UnixctlServer server = UnixctlServer.start(UnixctlServer.defaultSocketPath("ovs-vswitchd"),
 *         "ovs-vswitchd (Open vSwitch) 3.1.0\njvswitch 0.1.0\n", shutdownLatch::countDown);
 * server.register("bridge/dump-flows", "bridge", 1, 1, (conn, args) -> conn.reply(...));
 * }</pre>
 *
 * <p>How: a Netty epoll server on a unix domain socket; one event loop thread
 * ("unixctl-io") decodes requests and writes replies, any number of clients at once. Every
 * request is handed to one control thread ("unixctl-control"), which checks it and runs the command's
 * handler, so handlers never block socket I/O and run one at a time. The control thread also
 * samples the coverage counters once a second.
 *
 * <p>Threads: {@link #register}, {@link #unregister} and reporters from any thread; handlers on
 * the control thread (they may answer later from elsewhere); {@link #close} from any thread,
 * including a handler.
 */
public final class UnixctlServer implements AutoCloseable {

    private static final Logger LOG = Vlog.module("unixctl");
    /** sun_path holds 108 bytes including the terminating NUL. */
    private static final int MAX_SOCKET_PATH = 107;

    private final Path socketPath;
    private final UnixctlCommands commands = new UnixctlCommands();
    private final MemoryCommand memory = new MemoryCommand();
    /** The control thread: runs every handler and the coverage sampler. */
    private final ScheduledExecutorService control;
    private final EventLoopGroup io;
    private final Channel serverChannel;
    /** Open client connections, closed explicitly on close() (event loop shutdown leaves them). */
    private final Set<Channel> clients = ConcurrentHashMap.newKeySet();
    /** Thread of the control executor, to avoid waiting for itself in close(). */
    private volatile Thread controlThread;
    private volatile boolean closed;

    private UnixctlServer(Path socketPath, String version, Runnable exitHook) throws IOException {
        this.socketPath = socketPath;
        commands.register("list-commands", "", 0, 0,
                (conn, args) -> conn.reply(commands.listJson(), commands::listText));
        commands.register("version", "", 0, 0, (conn, args) -> conn.reply(versionJson(version), () -> version));
        commands.register("exit", "", 0, 0, (conn, args) -> conn.reply("", exitHook));
        memory.register(commands);
        CoverageCommands.register(commands, Coverage.registry());
        VlogCommands.register(commands);

        control = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "unixctl-control");
            t.setDaemon(true);
            controlThread = t;
            return t;
        });
        control.scheduleAtFixedRate(() -> Coverage.registry().sample(System.nanoTime()),
                0, 1, TimeUnit.SECONDS);
        io = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("unixctl-io", true),
                EpollIoHandler.newFactory());
        try {
            serverChannel = bind();
        } catch (IOException | RuntimeException e) {
            shutdownThreads();
            throw e;
        }
        LOG.info("{}: listening", socketPath);
    }

    /**
     * Starts a server listening on {@code socketPath}, creating its directory if needed and
     * replacing a stale socket file there.
     *
     * @param version  the text {@code version} answers, e.g.
     *                 {@code "ovs-vswitchd (Open vSwitch) 3.1.0\njvswitch 0.1.0\n"}
     * @param exitHook run on the control thread after {@code exit} has been answered
     */
    public static UnixctlServer start(Path socketPath, String version, Runnable exitHook)
            throws IOException {
        Objects.requireNonNull(socketPath, "socketPath");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(exitHook, "exitHook");
        if (!Epoll.isAvailable()) {
            throw new IOException("unixctl needs Netty's epoll transport: " + Epoll.unavailabilityCause());
        }
        int length = socketPath.toString().getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_SOCKET_PATH) {
            throw new IOException(socketPath + ": unix socket path too long (" + length
                    + " bytes, at most " + MAX_SOCKET_PATH + ")");
        }
        return new UnixctlServer(socketPath, version, exitHook);
    }

    /** {"version": first line, "lines": [every line]} of the version banner. */
    private static ObjectNode versionJson(String version) {
        ObjectNode o = UnixctlJson.object();
        String[] lines = version.strip().split("\n");
        o.put("version", lines[0]);
        ArrayNode all = o.putArray("lines");
        for (String l : lines) {
            all.add(l);
        }
        return o;
    }

    /**
     * OVS's default socket for {@code program} in this process:
     * {@code <$OVS_RUNDIR or /var/run/openvswitch>/<program>.<pid>.ctl}.
     */
    public static Path defaultSocketPath(String program) {
        return RunDirs.fromEnv().unixctlSocket(program, ProcessHandle.current().pid());
    }

    private Channel bind() throws IOException {
        Path parent = socketPath.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.deleteIfExists(socketPath);  // stale, from a process that had our pid before
        UnixctlChannelHandler handler = new UnixctlChannelHandler(commands, control);
        ProtocolErrorHandler errors = new ProtocolErrorHandler(LOG);
        try {
            return new ServerBootstrap()
                    .group(io)
                    .channel(EpollServerDomainSocketChannel.class)
                    .childHandler(new ChannelInitializer<EpollDomainSocketChannel>() {
                        @Override
                        protected void initChannel(EpollDomainSocketChannel ch) {
                            clients.add(ch);
                            ch.closeFuture().addListener(f -> clients.remove(ch));
                            ch.pipeline().addLast(new JsonRpcDecoder(), JsonRpcEncoder.INSTANCE,
                                    handler, errors);
                        }
                    })
                    .bind(new DomainSocketAddress(socketPath.toString()))
                    .sync().channel();
        } catch (Exception e) {
            throw new IOException(socketPath + ": cannot listen: " + e.getMessage(), e);
        }
    }

    /** The socket this server listens on. */
    public Path socketPath() {
        return socketPath;
    }

    /** See {@link UnixctlCommands#register}. */
    public void register(String name, String usage, int minArgs, int maxArgs, UnixctlHandler handler) {
        commands.register(name, usage, minArgs, maxArgs, handler);
    }

    /** Removes a command; false if there was none of that name. */
    public boolean unregister(String name) {
        return commands.unregister(name);
    }

    /** The command registry. */
    public UnixctlCommands commands() {
        return commands;
    }

    /** Adds figures to {@code memory/show}. */
    public void addMemoryReporter(MemoryReporter reporter) {
        memory.add(reporter);
    }

    public boolean removeMemoryReporter(MemoryReporter reporter) {
        return memory.remove(reporter);
    }

    /** Runs {@code task} on the control thread, e.g. to finish an asynchronous command. */
    public void execute(Runnable task) {
        control.execute(task);
    }

    /**
     * Stops listening, closes every client connection, stops the threads and removes the
     * socket file. Idempotent. Called from a handler, it does not wait for the control thread
     * (which is running it) to finish.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        for (Channel ch : clients) {
            ch.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        shutdownThreads();
        try {
            Files.deleteIfExists(socketPath);
        } catch (IOException e) {
            LOG.warn("{}: cannot remove socket: {}", socketPath, e.toString());
        }
        LOG.info("{}: closed", socketPath);
    }

    private void shutdownThreads() {
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        control.shutdownNow();
        if (Thread.currentThread() != controlThread) {
            try {
                control.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
