// -*- c++ -*-
/*
 * click/element.hh -- Element, the base class of every Click element.
 *
 * An element subclass overrides class_name(), port_count(), processing(),
 * configure(), initialize(), add_handlers(), cleanup(), and its packet path:
 * simple_action() (one packet in, at most one out on output 0) or
 * push()/pull().  It forwards packets with output(i).push(p) or
 * checked_output_push(i, p) and drops them with p->kill().
 *
 * Inline: input(), output(), ninputs(), noutputs(), checked_output_push(),
 * router(), eindex() and the Port accessors.  Out of line (declared only):
 * Port::push and Port::pull (the hand-off to the next element), the
 * base-class virtuals, name(), and handler registration.
 */
#ifndef CLICK_ELEMENT_HH
#define CLICK_ELEMENT_HH
#include <click/glue.hh>
#include <click/vector.hh>
#include <click/string.hh>
#include <click/packet.hh>
#include <click/handler.hh>
CLICK_DECLS
class Router;
class Master;
class Task;
class Timer;
class ErrorHandler;
class IPAddress;
class EtherAddress;
class Timestamp;

class Element {
  public:
    Element();
    virtual ~Element();

    /* ---- port counts and processing codes ---- */
    static constexpr const char PORTS_0_0[] = "0";
    static constexpr const char PORTS_0_1[] = "0/1";
    static constexpr const char PORTS_1_0[] = "1/0";
    static constexpr const char PORTS_1_1[] = "1";
    static constexpr const char PORTS_1_1X2[] = "1/1-2";
    static constexpr const char AGNOSTIC[] = "a";
    static constexpr const char PUSH[] = "h";
    static constexpr const char PULL[] = "l";
    static constexpr const char PUSH_TO_PULL[] = "h/l";
    static constexpr const char PULL_TO_PUSH[] = "l/h";
    static constexpr const char PROCESSING_A_AH[] = "a/ah";
    static constexpr const char COMPLETE_FLOW[] = "x/x";

    enum ConfigurePhase {
        CONFIGURE_PHASE_FIRST = 0,
        CONFIGURE_PHASE_INFO = 20,
        CONFIGURE_PHASE_PRIVILEGED = 90,
        CONFIGURE_PHASE_DEFAULT = 100,
        CONFIGURE_PHASE_LAST = 2000
    };

    enum CleanupStage {
        CLEANUP_NO_ROUTER,
        CLEANUP_BEFORE_CONFIGURE = CLEANUP_NO_ROUTER,
        CLEANUP_CONFIGURE_FAILED,
        CLEANUP_CONFIGURED,
        CLEANUP_INITIALIZE_FAILED,
        CLEANUP_INITIALIZED,
        CLEANUP_ROUTER_INITIALIZED,
        CLEANUP_MANUAL
    };

    /* ---- description ---- */
    virtual const char *class_name() const = 0;
    virtual const char *port_count() const;
    virtual const char *processing() const;
    virtual const char *flow_code() const;
    virtual const char *flags() const;
    virtual void *cast(const char *name);

    /* ---- life cycle ---- */
    virtual int configure_phase() const;
    virtual int configure(Vector<String> &conf, ErrorHandler *errh);
    virtual void add_handlers();
    virtual int initialize(ErrorHandler *errh);
    virtual void take_state(Element *old_element, ErrorHandler *errh);
    virtual void cleanup(CleanupStage stage);
    virtual bool can_live_reconfigure() const;
    virtual int live_reconfigure(Vector<String> &conf, ErrorHandler *errh);

    /* ---- packet path ---- */
    virtual void push(int port, Packet *p);
    virtual Packet *pull(int port);
    virtual Packet *simple_action(Packet *p);
    virtual bool run_task(Task *task);
    virtual void run_timer(Timer *timer);

    /* ---- ports ---- */
    class Port {
      public:
        bool active() const { return _e != 0; }
        Element *element() const { return _e; }
        int port() const { return _port; }
        /* Hand p to the element connected to this (push) port. */
        void push(Packet *p) const;
        /* Pull a packet from the element connected to this (pull) port. */
        Packet *pull() const;

      private:
        Element *_e;
        int _port;
        friend class Element;
    };

    int ninputs() const { return _nports[0]; }
    int noutputs() const { return _nports[1]; }
    int nports(bool isoutput) const { return _nports[isoutput]; }
    const Port &input(int port) const { return _ports[0][port]; }
    const Port &output(int port) const { return _ports[1][port]; }
    const Port &port(bool isoutput, int port) const { return _ports[isoutput][port]; }
    bool input_is_push(int port) const;
    bool input_is_pull(int port) const;
    bool output_is_push(int port) const;
    bool output_is_pull(int port) const;

    /* Push p on output port, or kill it if that output does not exist. */
    void checked_output_push(int port, Packet *p) const {
        if ((unsigned) port < (unsigned) _nports[1])
            _ports[1][port].push(p);
        else
            p->kill();
    }

    /* ---- identity ---- */
    String name() const;
    String declaration() const;
    String landmark() const;
    Router *router() const { return _router; }
    int eindex() const { return _eindex; }
    Master *master() const;

    /* ---- handlers ---- */
    void add_read_handler(const String &name, ReadHandlerCallback callback,
                          const void *user_data = 0, uint32_t flags = 0);
    void add_read_handler(const String &name, ReadHandlerCallback callback,
                          int user_data, uint32_t flags = 0);
    void add_write_handler(const String &name, WriteHandlerCallback callback,
                           const void *user_data = 0, uint32_t flags = 0);
    void add_write_handler(const String &name, WriteHandlerCallback callback,
                           int user_data, uint32_t flags = 0);
    void set_handler(const String &name, int flags, HandlerCallback callback,
                     const void *read_user_data = 0, const void *write_user_data = 0);
    void set_handler(const String &name, int flags, HandlerCallback callback,
                     int read_user_data, int write_user_data = 0);
    int set_handler_flags(const String &name, int set_flags, int clear_flags = 0);
    void add_task_handlers(Task *task, const String &prefix = String());

    /* Read (and with Handler::f_write, write) handlers for a member variable. */
    void add_data_handlers(const char *name, int flags, bool *data);
    void add_data_handlers(const char *name, int flags, uint8_t *data);
    void add_data_handlers(const char *name, int flags, uint16_t *data);
    void add_data_handlers(const char *name, int flags, int *data);
    void add_data_handlers(const char *name, int flags, unsigned *data);
    void add_data_handlers(const char *name, int flags, long *data);
    void add_data_handlers(const char *name, int flags, unsigned long *data);
    void add_data_handlers(const char *name, int flags, long long *data);
    void add_data_handlers(const char *name, int flags, unsigned long long *data);
    void add_data_handlers(const char *name, int flags, double *data);
    void add_data_handlers(const char *name, int flags, String *data);
    void add_data_handlers(const char *name, int flags, IPAddress *data);
    void add_data_handlers(const char *name, int flags, EtherAddress *data);
    void add_data_handlers(const char *name, int flags, Timestamp *data);

    static String read_positional_handler(Element *e, void *user_data);
    static String read_keyword_handler(Element *e, void *user_data);
    static int reconfigure_positional_handler(const String &data, Element *e,
                                              void *user_data, ErrorHandler *errh);
    static int reconfigure_keyword_handler(const String &data, Element *e,
                                           void *user_data, ErrorHandler *errh);

  private:
    Port *_ports[2];
    int _nports[2];
    Router *_router;
    int _eindex;

    Element(const Element &);
    Element &operator=(const Element &);
};

CLICK_ENDDECLS
#endif
