"""Traffic for profiling: pcap/pcapng reading (``trace``), workload specs that generate
synthetic traces (``spec``), and the ``clara workload`` commands (``commands``)."""
