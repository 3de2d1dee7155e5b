// mqttsn_gateway.cc -- MQTT-SN v1.2 gateway data path

#include <click/config.h>
#include "mqttsn_gateway.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

enum {
    MSN_ADVERTISE = 0x00, MSN_SEARCHGW = 0x01, MSN_CONNECT = 0x04, MSN_REGISTER = 0x0A,
    MSN_REGACK = 0x0B, MSN_PUBLISH = 0x0C, MSN_PUBACK = 0x0D, MSN_SUBSCRIBE = 0x12,
    MSN_PINGREQ = 0x16, MSN_DISCONNECT = 0x18
};

#define MSN_FLAG_QOS(f)		(((f) >> 5) & 3)
#define MSN_FLAG_TOPICTYPE(f)	((f) & 3)
#define MSN_TOPIC_NORMAL	0
#define MSN_TOPIC_PREDEF	1
#define MSN_TOPIC_SHORT		2

// Predefined topic ids known to every sensor image, sorted by id.
static const uint16_t predefined_ids[] = {
    0x0001, 0x0002, 0x0003, 0x0010, 0x0011, 0x0020, 0x0100, 0x0101, 0x0102, 0x0200
};
static const int n_predefined = sizeof(predefined_ids) / sizeof(predefined_ids[0]);

MqttSnGateway::MqttSnGateway()
    : _nclients(0), _next_topic_id(0x1000), _rate(10), _burst(20), _allow_qos_m1(true),
      _publish(0), _control(0), _rejected(0), _unknown_topic(0), _policed(0)
{
}

MqttSnGateway::~MqttSnGateway()
{
}

int
MqttSnGateway::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
	.read_p("RATE", _rate)
	.read_p("BURST", _burst)
	.read("ALLOW_QOS_M1", _allow_qos_m1)
	.complete() < 0)
	return -1;
    if (_rate == 0 || _burst == 0)
	return errh->error("RATE and BURST must be positive");
    return 0;
}

int
MqttSnGateway::predefined_index(uint16_t id)
{
    int lo = 0, hi = n_predefined - 1;
    while (lo <= hi) {
	int mid = (lo + hi) >> 1;
	if (predefined_ids[mid] == id)
	    return mid;
	if (predefined_ids[mid] < id)
	    lo = mid + 1;
	else
	    hi = mid - 1;
    }
    return -1;
}

int
MqttSnGateway::client_for(const IPFlowID &flow, bool create)
{
    if (int *ip = _clients.findp(flow))
	return *ip;
    if (!create || _nclients >= MAX_CLIENTS)
	return -1;
    Client &c = _client[_nclients];
    memset(&c, 0, sizeof(c));
    c.tokens = _burst * 1000;
    c.last_refill = click_jiffies();
    _clients.insert(flow, _nclients);
    return _nclients++;
}

bool
MqttSnGateway::police(Client &c)
{
    click_jiffies_t now = click_jiffies();
    uint64_t add = (uint64_t) (now - c.last_refill) * _rate * 1000 / CLICK_HZ;
    c.last_refill = now;
    uint64_t t = c.tokens + add;
    c.tokens = t > (uint64_t) _burst * 1000 ? _burst * 1000 : (uint32_t) t;
    if (c.tokens < 1000)
	return false;
    c.tokens -= 1000;
    return true;
}

void
MqttSnGateway::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    const click_udp *uh = p->udp_header();
    if (!p->has_transport_header() || p->transport_length() < (int) sizeof(click_udp) + 2) {
	_rejected++;
	output(2).push(p);
	return;
    }
    const uint8_t *m = p->transport_header() + sizeof(click_udp);
    const uint8_t *end = p->end_data();
    unsigned len, hl;
    if (m[0] == 0x01) {
	if (m + 4 > end)
	    goto reject;
	len = (m[1] << 8) | m[2];
	hl = 3;
    } else {
	len = m[0];
	hl = 1;
    }
    if (len < hl + 1 || m + len > end)
	goto reject;

    {
	uint8_t type = m[hl];
	const uint8_t *body = m + hl + 1;
	unsigned blen = len - hl - 1;
	IPFlowID flow(iph->ip_src, uh->uh_sport, iph->ip_dst, uh->uh_dport);

	if (type != MSN_PUBLISH) {
	    int ci = client_for(flow, type == MSN_CONNECT);
	    if (ci >= 0 && type == MSN_CONNECT)
		_client[ci].connected = true;
	    else if (ci >= 0 && type == MSN_DISCONNECT)
		_client[ci].connected = false;
	    else if (ci >= 0 && type == MSN_REGISTER && blen > 4) {
		// the gateway assigns the id; the control plane sends the REGACK
		Client &c = _client[ci];
		if (c.ntopics >= MAX_TOPICS_PER_CLIENT)
		    goto reject;
		c.topic_id[c.ntopics++] = _next_topic_id;
		SET_AGGREGATE_ANNO(p, _next_topic_id);
		_next_topic_id = _next_topic_id >= 0xFFFE ? 0x1000 : _next_topic_id + 1;
	    }
	    _control++;
	    output(1).push(p);
	    return;
	}

	// PUBLISH: Flags(1) TopicId(2) MsgId(2) Data
	if (blen < 5)
	    goto reject;
	uint8_t flags = body[0];
	uint16_t topic = (body[1] << 8) | body[2];
	int qos = MSN_FLAG_QOS(flags);
	int ci = client_for(flow, false);
	int topic_index = -1;

	if (ci < 0 && !(qos == 3 && _allow_qos_m1))
	    goto reject;		// QoS -1 is the only way to publish unconnected
	switch (MSN_FLAG_TOPICTYPE(flags)) {
	case MSN_TOPIC_PREDEF:
	    topic_index = predefined_index(topic);
	    break;
	case MSN_TOPIC_SHORT:
	    // two printable characters; index space above the predefined table
	    if (body[1] >= 0x20 && body[1] < 0x7F && body[2] >= 0x20 && body[2] < 0x7F)
		topic_index = 0x10000 | topic;
	    break;
	case MSN_TOPIC_NORMAL:
	    if (ci >= 0) {
		Client &c = _client[ci];
		for (int i = 0; i < c.ntopics; i++)
		    if (c.topic_id[i] == topic) {
			topic_index = 0x20000 | (ci << 8) | i;
			break;
		    }
	    }
	    break;
	}
	if (topic_index < 0) {
	    _unknown_topic++;
	    goto reject;
	}
	if (ci >= 0) {
	    Client &c = _client[ci];
	    if (!police(c)) {
		c.policed++;
		_policed++;
		goto reject;
	    }
	    c.published++;
	}
	_publish++;
	SET_AGGREGATE_ANNO(p, topic_index);
	output(0).push(p);
	return;
    }

  reject:
    _rejected++;
    output(2).push(p);
}

void
MqttSnGateway::add_handlers()
{
    add_data_handlers("publish", Handler::f_read, &_publish);
    add_data_handlers("control", Handler::f_read, &_control);
    add_data_handlers("rejected", Handler::f_read, &_rejected);
    add_data_handlers("unknown_topic", Handler::f_read, &_unknown_topic);
    add_data_handlers("policed", Handler::f_read, &_policed);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(MqttSnGateway)
