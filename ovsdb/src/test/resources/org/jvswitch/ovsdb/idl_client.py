"""OVS's Python IDL (python3-openvswitch) against an OVSDB server: connect, read, write, and see
changes made by someone else. Prints one line per step; exits non-zero on any failure.

usage: idl_client.py REMOTE SCHEMA-FILE
"""
import subprocess
import sys
import time

import ovs.db.idl
import ovs.poller

remote, schema_file = sys.argv[1], sys.argv[2]
helper = ovs.db.idl.SchemaHelper(location=schema_file)
helper.register_all()
idl = ovs.db.idl.Idl(remote, helper)


def run_until(pred, what, timeout=15.0):
    deadline = time.time() + timeout
    while not pred():
        if time.time() > deadline:
            print("FAIL timed out waiting for " + what)
            sys.exit(1)
        idl.run()
        poller = ovs.poller.Poller()
        idl.wait(poller)
        poller.timer_wait(100)
        poller.block()


def bridges():
    return sorted(b.name for b in idl.tables["Bridge"].rows.values())


run_until(lambda: idl.has_ever_connected() and idl.change_seqno > 0, "the initial contents")
print("connected bridges=%s" % bridges())

# Write: a new bridge with a port and interface, linked from Open_vSwitch.
txn = ovs.db.idl.Transaction(idl)
ovs_row = next(iter(idl.tables["Open_vSwitch"].rows.values()))
iface = txn.insert(idl.tables["Interface"])
iface.name = "idl-p0"
iface.type = "internal"
port = txn.insert(idl.tables["Port"])
port.name = "idl-p0"
port.interfaces = [iface]
br = txn.insert(idl.tables["Bridge"])
br.name = "idl-br"
br.ports = [port]
br.external_ids = {"made-by": "python-idl"}
ovs_row.verify("bridges")
ovs_row.bridges = list(ovs_row.bridges) + [br]
status = txn.commit_block()
print("commit %s" % ovs.db.idl.Transaction.status_to_string(status))
if status != ovs.db.idl.Transaction.SUCCESS:
    print("FAIL " + txn.get_error())
    sys.exit(1)
run_until(lambda: "idl-br" in bridges(), "our own insert")
print("after insert bridges=%s" % bridges())

# A change made by someone else reaches the IDL.
subprocess.run(["ovs-vsctl", "--db=" + remote, "--no-wait", "add-br", "vsctl-br"], check=True)
run_until(lambda: "vsctl-br" in bridges(), "ovs-vsctl's add-br")
print("after add-br bridges=%s" % bridges())

# Mutate a map, then read it back through the IDL.
txn = ovs.db.idl.Transaction(idl)
row = [b for b in idl.tables["Bridge"].rows.values() if b.name == "idl-br"][0]
row.setkey("external_ids", "k2", "v2")
status = txn.commit_block()
print("setkey %s" % ovs.db.idl.Transaction.status_to_string(status))
run_until(lambda: row.external_ids.get("k2") == "v2", "the map update")
print("external_ids=%s" % sorted(row.external_ids.items()))

# A transaction that must fail: duplicate bridge name (unique index).
txn = ovs.db.idl.Transaction(idl)
dup = txn.insert(idl.tables["Bridge"])
dup.name = "idl-br"
ovs_row.verify("bridges")
ovs_row.bridges = list(ovs_row.bridges) + [dup]
status = txn.commit_block()
print("duplicate %s" % ovs.db.idl.Transaction.status_to_string(status))

subprocess.run(["ovs-vsctl", "--db=" + remote, "--no-wait", "del-br", "vsctl-br"], check=True)
run_until(lambda: "vsctl-br" not in bridges(), "ovs-vsctl's del-br")
print("after del-br bridges=%s" % bridges())
idl.close()
print("done")
