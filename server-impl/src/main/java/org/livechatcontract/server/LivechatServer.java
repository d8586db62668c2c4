package org.livechatcontract.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.livechatcontract.server.contract.ResponseContract;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.livechatcontract.server.domain.ConversationService;
import org.livechatcontract.server.domain.GuestService;
import org.livechatcontract.server.domain.MessageService;
import org.livechatcontract.server.domain.UploadService;
import org.livechatcontract.server.domain.AgentActions;
import org.livechatcontract.server.domain.AuthService;
import org.livechatcontract.server.domain.DepartmentService;
import org.livechatcontract.server.domain.Ids;
import org.livechatcontract.server.domain.InquiryService;
import org.livechatcontract.server.domain.Permissions;
import org.livechatcontract.server.domain.RoomService;
import org.livechatcontract.server.domain.Settings;
import org.livechatcontract.server.domain.UserService;
import org.livechatcontract.server.domain.VisitorService;
import org.livechatcontract.server.fixture.Fixture;
import org.livechatcontract.server.fixture.FixtureLoader;
import org.livechatcontract.server.http.ClosedSchemas;
import org.livechatcontract.server.http.ContentLength;
import org.livechatcontract.server.http.DurableAnswers;
import org.livechatcontract.server.http.EndpointRules;
import org.livechatcontract.server.http.ErrorMapper;
import org.livechatcontract.server.http.InMemoryFile;
import org.livechatcontract.server.http.JettyJsonErrors;
import org.livechatcontract.server.http.JsonMapper;
import org.livechatcontract.server.http.LenientQueryEscapes;
import org.livechatcontract.server.http.MultipartFormParams;
import org.livechatcontract.server.http.ObjectMapperProvider;
import org.livechatcontract.server.http.RequestBodyDrain;
import org.livechatcontract.server.http.RequestNormalizer;
import org.livechatcontract.server.http.ResponseHeaders;
import org.livechatcontract.server.http.ResponseSelfCheck;
import org.livechatcontract.server.http.StrictBooleans;
import org.livechatcontract.server.http.ValidationErrorMapper;
import org.livechatcontract.server.resource.AgentActionsResource;
import org.livechatcontract.server.resource.ChatResource;
import org.livechatcontract.server.resource.AuthenticationResource;
import org.livechatcontract.server.resource.LivechatMessagesResource;
import org.livechatcontract.server.resource.LivechatResource;
import org.livechatcontract.server.resource.LivechatRoomsResource;
import org.livechatcontract.server.resource.LivechatVisitorsResource;
import org.livechatcontract.server.resource.DepartmentsResource;
import org.livechatcontract.server.resource.InquiriesResource;
import org.livechatcontract.server.resource.LivechatUsersResource;
import org.livechatcontract.server.resource.PermissionsResource;
import org.livechatcontract.server.resource.RoomsResource;
import org.livechatcontract.server.resource.SettingsResource;
import org.livechatcontract.server.resource.UsersResource;
import org.livechatcontract.server.resource.VisitorsResource;
import org.livechatcontract.server.store.DurableStore;
import org.livechatcontract.server.store.InMemoryStore;
import org.livechatcontract.server.stub.Stub;
import org.livechatcontract.server.stub.StubClock;
import org.livechatcontract.server.stub.StubOptions;

/** The HTTP server: Jersey on embedded Jetty, serving the generated interfaces over a {@link Livechat}. */
public final class LivechatServer implements AutoCloseable {
  /** Request lines and header blocks up to this size are served (Jetty's default is 8 KiB). */
  public static final int MAX_REQUEST_HEADER_BYTES = 32 * 1024;

  /** The resource classes; each implements one generated interface. */
  public static final java.util.List<Class<?>> RESOURCES =
      java.util.List.of(AuthenticationResource.class, RoomsResource.class, VisitorsResource.class,
          LivechatVisitorsResource.class, LivechatRoomsResource.class, LivechatMessagesResource.class,
          LivechatResource.class,
          UsersResource.class, LivechatUsersResource.class, DepartmentsResource.class, InquiriesResource.class,
          AgentActionsResource.class, ChatResource.class, SettingsResource.class, PermissionsResource.class);

  private final Server jetty;
  private final Livechat state;
  private final DurableStore durable;

  private LivechatServer(Server jetty, Livechat state, DurableStore durable) {
    this.jetty = jetty;
    this.state = state;
    this.durable = durable;
  }

  /**
   * Where to listen and what to start from. A {@link StubClock} given as {@code clock} can be moved by the
   * admin API; any other clock is wrapped in one. {@code responseContract} switches on the self-check:
   * every answer is checked against it before it is sent (null: off).
   */
  public record Config(String host, int port, Fixture fixture, String fixtureName, Clock clock, Ids ids,
      StubOptions stub, ResponseContract responseContract) {
    /** Loopback, the given port (0 picks a free one), the default state. */
    public static Config defaults(int port) {
      return new Config("127.0.0.1", port, FixtureLoader.readDefault(), FixtureLoader.DEFAULT_RESOURCE,
          StubClock.system(), Ids.secure(), StubOptions.defaults(), null);
    }

    public Config withFixture(Fixture f, String name) {
      return new Config(host, port, f, name, clock, ids, stub, responseContract);
    }

    public Config withHost(String h) {
      return new Config(h, port, fixture, fixtureName, clock, ids, stub, responseContract);
    }

    public Config withClock(Clock c) {
      return new Config(host, port, fixture, fixtureName, c, ids, stub, responseContract);
    }

    public Config withIds(Ids i) {
      return new Config(host, port, fixture, fixtureName, clock, i, stub, responseContract);
    }

    public Config withStub(StubOptions s) {
      return new Config(host, port, fixture, fixtureName, clock, ids, s, responseContract);
    }

    /** Self-check mode against the given contract (null switches it off). */
    public Config withResponseContract(ResponseContract contract) {
      return new Config(host, port, fixture, fixtureName, clock, ids, stub, contract);
    }

    /** Self-check mode against the spec the server is built from. */
    public Config validatingResponses() {
      return withResponseContract(ResponseContract.fromClasspathSpec());
    }
  }

  public static LivechatServer start(Config config) throws Exception {
    return start(config, (DurableStore.Options) null);
  }

  /**
   * Starts with the state kept in a data file ({@code --data-file}), or in memory only when {@code data} is
   * null. A data file that holds state is replayed and the fixture is not applied; a new one starts from
   * the fixture.
   */
  public static LivechatServer start(Config config, DurableStore.Options data) throws Exception {
    DurableStore durable = data == null ? null : DurableStore.open(data);
    try {
      return startOn(config, durable);
    } catch (Exception | Error e) {
      if (durable != null) {
        durable.close();
      }
      throw e;
    }
  }

  private static LivechatServer startOn(Config config, DurableStore durable) throws Exception {
    StubClock clock = StubClock.over(config.clock());
    Livechat state = new Livechat(durable == null ? new InMemoryStore() : durable, config.ids(), clock);
    if (durable != null) {
      durable.restore(state.settings(), state.permissions());
    }
    if (durable == null || durable.fresh()) {
      FixtureLoader.apply(config.fixture(), state, config.fixtureName());
    }
    if (durable != null) {
      durable.startJournaling(state.settings(), state.permissions());
    }
    Stub stub = new Stub(state, clock, config.stub());

    URI uri = URI.create("http://" + hostForUri(config.host()) + ":" + config.port() + "/");
    Server jetty = JettyHttpContainerFactory.createServer(uri, application(state, stub, config.responseContract()), false);
    jetty.setErrorHandler(new JettyJsonErrors());
    LenientQueryEscapes lenient = new LenientQueryEscapes();
    lenient.setHandler(stub.around(jetty.getHandler()));
    jetty.setHandler(lenient);
    ServerConnector connector = (ServerConnector) jetty.getConnectors()[0];
    connector.setHost(config.host()); // Jersey's factory sets only the port, which would bind every interface
    HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
    http.getHttpConfiguration().setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
    http.getHttpConfiguration().setSendServerVersion(false);
    http.getHttpConfiguration().setSendXPoweredBy(false);
    // A path parameter is whatever its segment decodes to, as Express reads it: an encoded slash, percent sign,
    // backslash or control character (a visitor token "a/b" in visitor/a%2Fb/room) is part of the value. Jetty's
    // default refuses such URIs as ambiguous; "." and ".." segments stay refused.
    http.getHttpConfiguration().setUriCompliance(UriCompliance.DEFAULT.with("express-path-parameters",
        UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
        UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS));
    jetty.start();
    return new LivechatServer(jetty, state, durable);
  }

  static ResourceConfig application(Livechat state, Stub stub, ResponseContract responseContract) {
    ObjectMapper mapper = JsonMapper.create(ClosedSchemas.fromClasspathSpec());
    ResourceConfig rc = new ResourceConfig();
    RESOURCES.forEach(rc::register);
    stub.register(rc);
    rc.register(new AbstractBinder() {
      @Override
      protected void configure() {
        bind(state.auth()).to(AuthService.class);
        bind(state.rooms()).to(RoomService.class);
        bind(state.visitors()).to(VisitorService.class);
        bind(state.messages()).to(MessageService.class);
        bind(state.guests()).to(GuestService.class);
        bind(state.conversations()).to(ConversationService.class);
        bind(state.uploads()).to(UploadService.class);
        bind(state.users()).to(UserService.class);
        bind(state.departments()).to(DepartmentService.class);
        bind(state.inquiries()).to(InquiryService.class);
        bind(state.agentActions()).to(AgentActions.class);
        bind(state.settings()).to(Settings.class);
        bind(state.permissions()).to(Permissions.class);
        bind(state.clock()).to(Clock.class);
      }
    });
    rc.register(MultiPartFeature.class);
    rc.register(new MultipartFormParams(state.settings()));
    rc.register(InMemoryFile.Writer.class);
    rc.register(JacksonFeature.withoutExceptionMappers()); // its mappers would answer bad JSON with text
    rc.register(new ObjectMapperProvider(mapper));
    rc.register(new EndpointRules(state.auth(), state.permissions()));
    rc.register(RequestNormalizer.class);
    rc.register(StrictBooleans.class);
    rc.register(ResponseHeaders.class);
    rc.register(ContentLength.class);
    if (state.store() instanceof DurableStore durable) {
      rc.register(new DurableAnswers(durable));
    }
    rc.register(RequestBodyDrain.class);
    rc.register(ErrorMapper.class);
    rc.register(ValidationErrorMapper.class);
    if (responseContract != null) {
      rc.register(new ResponseSelfCheck(responseContract, mapper));
    }
    rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    rc.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
    rc.property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, false);
    return rc;
  }

  private static String hostForUri(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  public int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  public URI baseUri() {
    ServerConnector c = (ServerConnector) jetty.getConnectors()[0];
    return URI.create("http://" + hostForUri(c.getHost()) + ":" + port());
  }

  /** The state behind the API, for embedding and tests. */
  public Livechat state() {
    return state;
  }

  public void join() throws InterruptedException {
    jetty.join();
  }

  /** Stops serving; with a data file, writes a snapshot and gives the file up. */
  @Override
  public void close() throws Exception {
    try {
      jetty.stop();
    } finally {
      if (durable != null) {
        durable.close();
      }
    }
  }
}
