#ifndef CLICK_MQTTSNGATEWAY_HH
#define CLICK_MQTTSNGATEWAY_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipflowid.hh>
CLICK_DECLS

/*
 * MqttSnGateway([RATE, BURST, ALLOW_QOS_M1])
 *
 * Data path of a transparent MQTT-SN (v1.2) gateway for battery-powered
 * sensors.  Parses the MQTT-SN header (1- or 3-byte length, MsgType),
 * tracks clients by UDP source, checks PUBLISH topic ids against the ids
 * the client REGISTERed (normal), the gateway's predefined table or the
 * two-character short names, polices each client with a token bucket, and
 * hands REGISTER / CONNECT / SUBSCRIBE / PINGREQ etc. to the control plane.
 *
 * Output 0: PUBLISH to bridge to the broker (topic index in the AGGREGATE
 * annotation).  Output 1: control messages.  Output 2: rejected.
 */
class MqttSnGateway : public Element { public:

    MqttSnGateway();
    ~MqttSnGateway();

    const char *class_name() const override	{ return "MqttSnGateway"; }
    const char *port_count() const override	{ return "1/3"; }
    const char *processing() const override	{ return PUSH; }
    int configure(Vector<String> &, ErrorHandler *) override;
    void add_handlers() override;
    void push(int, Packet *) override;

    enum { MAX_CLIENTS = 256, MAX_TOPICS_PER_CLIENT = 16 };

  private:

    struct Client {
	uint16_t topic_id[MAX_TOPICS_PER_CLIENT];
	uint16_t ntopics;
	bool connected;
	uint32_t tokens;		// milli-messages
	click_jiffies_t last_refill;
	uint32_t published, policed;
    };

    HashMap<IPFlowID, int> _clients;
    Client _client[MAX_CLIENTS];
    int _nclients;
    uint16_t _next_topic_id;

    uint32_t _rate;			// messages per second
    uint32_t _burst;
    bool _allow_qos_m1;

    uint32_t _publish, _control, _rejected, _unknown_topic, _policed;

    int client_for(const IPFlowID &flow, bool create);
    bool police(Client &c);
    static int predefined_index(uint16_t topic_id);

};

CLICK_ENDDECLS
#endif
