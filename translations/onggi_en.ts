<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>LessonLive</name>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Value now</source>
        <translation>Value now</translation>
    </message>
    <message>
        <source>This host has none of these files for the container.</source>
        <translation>This host has none of these files for the container.</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unlimited</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>shared with the host</source>
        <translation>shared with the host</translation>
    </message>
    <message>
        <source>its own</source>
        <translation>its own</translation>
    </message>
    <message>
        <source>Hostname</source>
        <translation>Hostname</translation>
    </message>
    <message>
        <source>inside (its UTS namespace)</source>
        <translation>inside (its UTS namespace)</translation>
    </message>
    <message>
        <source>outside (this host)</source>
        <translation>outside (this host)</translation>
    </message>
    <message>
        <source>Seen from</source>
        <translation>Seen from</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>the host</source>
        <translation>the host</translation>
    </message>
    <message>
        <source>inside the container</source>
        <translation>inside the container</translation>
    </message>
    <message>
        <source>NSpid in /proc/%1/status: %2</source>
        <translation>NSpid in /proc/%1/status: %2</translation>
    </message>
    <message>
        <source>Network interfaces</source>
        <translation>Network interfaces</translation>
    </message>
    <message>
        <source>inside</source>
        <translation>inside</translation>
    </message>
    <message>
        <source>outside</source>
        <translation>outside</translation>
    </message>
    <message>
        <source>Effective capabilities of the init (CapEff %1)</source>
        <translation>Effective capabilities of the init (CapEff %1)</translation>
    </message>
    <message>
        <source>Capability</source>
        <translation>Capability</translation>
    </message>
    <message>
        <source>What it allows</source>
        <translation>What it allows</translation>
    </message>
    <message>
        <source>Not held, among others</source>
        <translation>Not held, among others</translation>
    </message>
    <message>
        <source>What it would allow</source>
        <translation>What it would allow</translation>
    </message>
    <message numerus="yes">
        <source>Bounding set: %n capabilities. Permitted: %1. Ambient: %2.</source>
        <translation>
            <numerusform>Bounding set: %n capability. Permitted: %1. Ambient: %2.</numerusform>
            <numerusform>Bounding set: %n capabilities. Permitted: %1. Ambient: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>0: no filter</source>
        <translation>0: no filter</translation>
    </message>
    <message>
        <source>1: strict (read, write, exit only)</source>
        <translation>1: strict (read, write, exit only)</translation>
    </message>
    <message numerus="yes">
        <source>2: filter (%n BPF program(s) loaded)</source>
        <translation>
            <numerusform>2: filter (%n BPF program loaded)</numerusform>
            <numerusform>2: filter (%n BPF programs loaded)</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Value in /proc/%1/status</source>
        <translation>Value in /proc/%1/status</translation>
    </message>
    <message>
        <source>1: exec can never gain privileges (no setuid)</source>
        <translation>1: exec can never gain privileges (no setuid)</translation>
    </message>
    <message>
        <source>0: setuid programs may gain privileges</source>
        <translation>0: setuid programs may gain privileges</translation>
    </message>
    <message>
        <source>held: mount and unshare are allowed by capabilities</source>
        <translation>held: mount and unshare are allowed by capabilities</translation>
    </message>
    <message>
        <source>not held: mount and unshare fail with EPERM</source>
        <translation>not held: mount and unshare fail with EPERM</translation>
    </message>
    <message>
        <source>Mount point</source>
        <translation>Mount point</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message numerus="yes">
        <source>%n mount(s) inside the container</source>
        <translation>
            <numerusform>%n mount inside the container</numerusform>
            <numerusform>%n mounts inside the container</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mount(s) on the host</source>
        <translation>
            <numerusform>%n mount on the host</numerusform>
            <numerusform>%n mounts on the host</numerusform>
        </translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Directory</translation>
    </message>
    <message>
        <source>lower (read-only)</source>
        <translation>lower (read-only)</translation>
    </message>
    <message>
        <source>upper (this container's changes)</source>
        <translation>upper (this container's changes)</translation>
    </message>
    <message>
        <source>merged (its /)</source>
        <translation>merged (its /)</translation>
    </message>
    <message numerus="yes">
        <source>What is in the upper layer now (%n entries)</source>
        <translation>
            <numerusform>What is in the upper layer now (%n entry)</numerusform>
            <numerusform>What is in the upper layer now (%n entries)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing yet: the container has not changed a file.</source>
        <translation>Nothing yet: the container has not changed a file.</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Path</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>In a lower layer?</source>
        <translation>In a lower layer?</translation>
    </message>
    <message>
        <source>file (%1)</source>
        <translation>file (%1)</translation>
    </message>
    <message>
        <source>directory</source>
        <translation>directory</translation>
    </message>
    <message>
        <source>opaque directory (hides the lower one)</source>
        <translation>opaque directory (hides the lower one)</translation>
    </message>
    <message>
        <source>whiteout (char device 0/0: deleted)</source>
        <translation>whiteout (char device 0/0: deleted)</translation>
    </message>
    <message>
        <source>symbolic link</source>
        <translation>symbolic link</translation>
    </message>
    <message>
        <source>yes: copied up or hidden</source>
        <translation>yes: copied up or hidden</translation>
    </message>
    <message>
        <source>no: new</source>
        <translation>no: new</translation>
    </message>
    <message>
        <source>(more entries than shown)</source>
        <translation>(more entries than shown)</translation>
    </message>
    <message>
        <source>Limit: %1</source>
        <translation>Limit: %1</translation>
    </message>
    <message>
        <source>The kernel gives no OOM kill count here.</source>
        <translation>The kernel gives no OOM kill count here.</translation>
    </message>
    <message>
        <source>oom_kill: %1</source>
        <translation>oom_kill: %1</translation>
    </message>
    <message>
        <source>change the owner of any file</source>
        <translation>change the owner of any file</translation>
    </message>
    <message>
        <source>read, write and run files regardless of their permission bits</source>
        <translation>read, write and run files regardless of their permission bits</translation>
    </message>
    <message>
        <source>read any file and list any directory, and open files by handle</source>
        <translation>read any file and list any directory, and open files by handle</translation>
    </message>
    <message>
        <source>act as the owner of any file (chmod, utime)</source>
        <translation>act as the owner of any file (chmod, utime)</translation>
    </message>
    <message>
        <source>keep the setuid/setgid bits when changing a file</source>
        <translation>keep the setuid/setgid bits when changing a file</translation>
    </message>
    <message>
        <source>send signals to processes of other users</source>
        <translation>send signals to processes of other users</translation>
    </message>
    <message>
        <source>change its group IDs</source>
        <translation>change its group IDs</translation>
    </message>
    <message>
        <source>change its user IDs</source>
        <translation>change its user IDs</translation>
    </message>
    <message>
        <source>pass on or drop capabilities</source>
        <translation>pass on or drop capabilities</translation>
    </message>
    <message>
        <source>listen on ports below 1024</source>
        <translation>listen on ports below 1024</translation>
    </message>
    <message>
        <source>use raw sockets (ping)</source>
        <translation>use raw sockets (ping)</translation>
    </message>
    <message>
        <source>configure interfaces, routes and firewalls</source>
        <translation>configure interfaces, routes and firewalls</translation>
    </message>
    <message>
        <source>call chroot</source>
        <translation>call chroot</translation>
    </message>
    <message>
        <source>create device files</source>
        <translation>create device files</translation>
    </message>
    <message>
        <source>write to the kernel's audit log</source>
        <translation>write to the kernel's audit log</translation>
    </message>
    <message>
        <source>mount, create namespaces, and many other admin tasks</source>
        <translation>mount, create namespaces, and many other admin tasks</translation>
    </message>
    <message>
        <source>load and unload kernel modules</source>
        <translation>load and unload kernel modules</translation>
    </message>
    <message>
        <source>set the system clock</source>
        <translation>set the system clock</translation>
    </message>
    <message>
        <source>trace and inspect any process</source>
        <translation>trace and inspect any process</translation>
    </message>
    <message>
        <source>reboot the machine</source>
        <translation>reboot the machine</translation>
    </message>
    <message>
        <source>raw access to I/O ports and devices</source>
        <translation>raw access to I/O ports and devices</translation>
    </message>
    <message>
        <source>raise priorities and change scheduling</source>
        <translation>raise priorities and change scheduling</translation>
    </message>
    <message>
        <source>go past resource limits</source>
        <translation>go past resource limits</translation>
    </message>
    <message>
        <source>lock memory</source>
        <translation>lock memory</translation>
    </message>
    <message>
        <source>read and clear the kernel log</source>
        <translation>read and clear the kernel log</translation>
    </message>
    <message>
        <source>load BPF programs</source>
        <translation>load BPF programs</translation>
    </message>
    <message>
        <source>Select a running container: this panel then shows what the kernel says about it, every second.</source>
        <translation>Select a running container: this panel then shows what the kernel says about it, every second.</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>Kernel</translation>
    </message>
    <message>
        <source>the container runs on</source>
        <translation>the container runs on</translation>
    </message>
    <message>
        <source>this host runs</source>
        <translation>this host runs</translation>
    </message>
    <message>
        <source>The same kernel, because there is only one: the container's init is host process %1.</source>
        <translation>The same kernel, because there is only one: the container's init is host process %1.</translation>
    </message>
    <message numerus="yes">
        <source>Its init: %1 (%2), %n thread(s).</source>
        <translation>
            <numerusform>Its init: %1 (%2), %n thread.</numerusform>
            <numerusform>Its init: %1 (%2), %n threads.</numerusform>
        </translation>
    </message>
    <message>
        <source>User namespace: uid_map</source>
        <translation>User namespace: uid_map</translation>
    </message>
    <message>
        <source>Root (0) inside is uid %1 on the host.</source>
        <translation>Root (0) inside is uid %1 on the host.</translation>
    </message>
    <message>
        <source>cgroup layout of this host</source>
        <translation>cgroup layout of this host</translation>
    </message>
    <message>
        <source>the container's group</source>
        <translation>the container's group</translation>
    </message>
    <message>
        <source>/proc/%1/cgroup as the kernel writes it</source>
        <translation>/proc/%1/cgroup as the kernel writes it</translation>
    </message>
    <message>
        <source>Throttled periods so far: %1</source>
        <translation>Throttled periods so far: %1</translation>
    </message>
    <message>
        <source>fork() refused at the limit so far: %1</source>
        <translation>fork() refused at the limit so far: %1</translation>
    </message>
    <message>
        <source>An empty limit file means no limit on any device.</source>
        <translation>An empty limit file means no limit on any device.</translation>
    </message>
    <message>
        <source>State of the init in /proc/%1/status: %2</source>
        <translation>State of the init in /proc/%1/status: %2</translation>
    </message>
    <message>
        <source>init program</source>
        <translation>init program</translation>
    </message>
    <message>
        <source>host PID</source>
        <translation>host PID</translation>
    </message>
    <message>
        <source>cgroup made by Onggi</source>
        <translation>cgroup made by Onggi</translation>
    </message>
    <message>
        <source>root filesystem</source>
        <translation>root filesystem</translation>
    </message>
    <message>
        <source>shared kernel</source>
        <translation>shared kernel</translation>
    </message>
    <message>
        <source>No live view for this lesson.</source>
        <translation>No live view for this lesson.</translation>
    </message>
    <message>
        <source>Host (the helper)</source>
        <translation>Host (the helper)</translation>
    </message>
    <message>
        <source>give files capabilities (setcap)</source>
        <translation>give files capabilities (setcap)</translation>
    </message>
</context>
<context>
    <name>LessonLiveSections</name>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>Via</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>default (everything else)</source>
        <translation>default (everything else)</translation>
    </message>
    <message>
        <source>directly (on the link)</source>
        <translation>directly (on the link)</translation>
    </message>
    <message>
        <source>This container shares the host's network namespace.</source>
        <translation>This container shares the host's network namespace.</translation>
    </message>
    <message>
        <source>Its own network namespace: %1</source>
        <translation>Its own network namespace: %1</translation>
    </message>
    <message>
        <source>The kernel's network view could not be read: %1</source>
        <translation>The kernel's network view could not be read: %1</translation>
    </message>
    <message>
        <source>Inside the container: interfaces</source>
        <translation>Inside the container: interfaces</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>loopback</source>
        <translation>loopback</translation>
    </message>
    <message>
        <source>veth (its peer is interface %1 outside)</source>
        <translation>veth (its peer is interface %1 outside)</translation>
    </message>
    <message>
        <source>up</source>
        <translation>up</translation>
    </message>
    <message>
        <source>down</source>
        <translation>down</translation>
    </message>
    <message>
        <source>Inside the container: routes</source>
        <translation>Inside the container: routes</translation>
    </message>
    <message>
        <source>No routes: nothing leaves this container.</source>
        <translation>No routes: nothing leaves this container.</translation>
    </message>
    <message>
        <source>Only the loopback device inside: this container has no network of Onggi's, so no veth pair and no bridge. Create one with a network (the default "onggi" network or --network) to see both ends.</source>
        <translation>Only the loopback device inside: this container has no network of Onggi's, so no veth pair and no bridge. Create one with a network (the default "onggi" network or --network) to see both ends.</translation>
    </message>
    <message>
        <source>The veth pair: both ends</source>
        <translation>The veth pair: both ends</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC address</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>Bridge</translation>
    </message>
    <message>
        <source>inside the container</source>
        <translation>inside the container</translation>
    </message>
    <message>
        <source>on the host</source>
        <translation>on the host</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>What goes into one end comes out of the other: the host end is a port of the bridge, so the bridge switches the container's packets to the other containers and to the host.</source>
        <translation>What goes into one end comes out of the other: the host end is a port of the bridge, so the bridge switches the container's packets to the other containers and to the host.</translation>
    </message>
    <message>
        <source>On the host: its routes to the container</source>
        <translation>On the host: its routes to the container</translation>
    </message>
    <message>
        <source>The host has no route through the bridge.</source>
        <translation>The host has no route through the bridge.</translation>
    </message>
    <message>
        <source>Who else uses each lower layer</source>
        <translation>Who else uses each lower layer</translation>
    </message>
    <message>
        <source>Lower layer (top first)</source>
        <translation>Lower layer (top first)</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Other containers of yours</source>
        <translation>Other containers of yours</translation>
    </message>
    <message>
        <source>not an image layer</source>
        <translation>not an image layer</translation>
    </message>
    <message>
        <source>A layer is stored once on disk and shared read-only by every image and container listed: only the upper layer belongs to this container alone.</source>
        <translation>A layer is stored once on disk and shared read-only by every image and container listed: only the upper layer belongs to this container alone.</translation>
    </message>
    <message>
        <source>covered: %1 (%2, %3)</source>
        <translation>covered: %1 (%2, %3)</translation>
    </message>
    <message>
        <source>absent: the container has no such entry</source>
        <translation>absent: the container has no such entry</translation>
    </message>
    <message>
        <source>not mounted over (covered by a read-only /proc, or unknown)</source>
        <translation>not mounted over (covered by a read-only /proc, or unknown)</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Path</translation>
    </message>
    <message>
        <source>How</source>
        <translation>How</translation>
    </message>
    <message>
        <source>What the container's mount table says</source>
        <translation>What the container's mount table says</translation>
    </message>
    <message>
        <source>masked</source>
        <translation>masked</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>read-only</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>%1 %2</source>
        <extracomment>%1 is a number, %2 a binary unit (KiB, MiB ...)</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <extracomment>a transfer rate: %1 is a size such as "1.2 MiB"</extracomment>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 cores</source>
        <translation>%1 cores</translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <translation>%1d %2h</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1h %2m</translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation>%1m %2s</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1s</translation>
    </message>
</context>
<context>
    <name>onggi::client</name>
    <message>
        <source>The helper was stopped before this finished</source>
        <extracomment>a pull, load, save or commit was running when the helper (the privileged service) was told to stop</extracomment>
        <translation>The helper was stopped before this finished</translation>
    </message>
    <message>
        <source>It was cancelled and nothing of it was kept. Try again once the helper runs again.</source>
        <translation>It was cancelled and nothing of it was kept. Try again once the helper runs again.</translation>
    </message>
    <message>
        <source>The helper could not read the request</source>
        <translation>The helper could not read the request</translation>
    </message>
    <message>
        <source>The request was not understood</source>
        <translation>The request was not understood</translation>
    </message>
    <message>
        <source>The helper does not know this operation (is it an older version?)</source>
        <translation>The helper does not know this operation (is it an older version?)</translation>
    </message>
    <message>
        <source>Invalid value</source>
        <translation>Invalid value</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Permission denied</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>The name is already in use</source>
        <translation>The name is already in use</translation>
    </message>
    <message>
        <source>Not possible in the container's current state</source>
        <extracomment>the container is in a state where this operation is not possible (e.g. start a running one)</extracomment>
        <translation>Not possible in the container's current state</translation>
    </message>
    <message>
        <source>Not supported on this host</source>
        <translation>Not supported on this host</translation>
    </message>
    <message>
        <source>Busy, try again</source>
        <translation>Busy, try again</translation>
    </message>
    <message>
        <source>The operation timed out</source>
        <translation>The operation timed out</translation>
    </message>
    <message>
        <source>A system call failed</source>
        <translation>A system call failed</translation>
    </message>
    <message>
        <source>Internal error in the helper</source>
        <translation>Internal error in the helper</translation>
    </message>
    <message>
        <source>The Onggi helper is not running</source>
        <translation>The Onggi helper is not running</translation>
    </message>
    <message>
        <source>No permission to talk to the Onggi helper</source>
        <translation>No permission to talk to the Onggi helper</translation>
    </message>
    <message>
        <source>Cannot connect to the Onggi helper</source>
        <translation>Cannot connect to the Onggi helper</translation>
    </message>
    <message>
        <source>The connection to the Onggi helper was lost</source>
        <translation>The connection to the Onggi helper was lost</translation>
    </message>
    <message>
        <source>The helper sent a reply that could not be read</source>
        <translation>The helper sent a reply that could not be read</translation>
    </message>
    <message>
        <source>The helper did not answer in time</source>
        <translation>The helper did not answer in time</translation>
    </message>
    <message>
        <source>Not connected to the Onggi helper</source>
        <translation>Not connected to the Onggi helper</translation>
    </message>
    <message>
        <source>No socket at %1. Start the helper (sudo systemctl start onggi-helper), or point ONGGI_SOCKET / --host at its socket.</source>
        <translation>No socket at %1. Start the helper (sudo systemctl start onggi-helper), or point ONGGI_SOCKET / --host at its socket.</translation>
    </message>
    <message>
        <source>Only root and members of the group "onggi" may use %1. Join the group (sudo usermod -aG onggi $USER), then log out and in again.</source>
        <translation>Only root and members of the group "onggi" may use %1. Join the group (sudo usermod -aG onggi $USER), then log out and in again.</translation>
    </message>
    <message>
        <source>The socket %1 exists but nobody answers; the helper may have crashed. Restart it (sudo systemctl restart onggi-helper).</source>
        <translation>The socket %1 exists but nobody answers; the helper may have crashed. Restart it (sudo systemctl restart onggi-helper).</translation>
    </message>
    <message>
        <source>The helper stopped or closed the connection. Containers keep running; reconnect when it is back.</source>
        <translation>The helper stopped or closed the connection. Containers keep running; reconnect when it is back.</translation>
    </message>
    <message>
        <source>Update onggi-helper to the same version as this program.</source>
        <translation>Update onggi-helper to the same version as this program.</translation>
    </message>
    <message>
        <source>Error %1</source>
        <translation>Error %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Not allowed for members of the onggi group</source>
        <extracomment>the helper's policy refused an option to a user who is not root (only a member of the group onggi)</extracomment>
        <translation>Not allowed for members of the onggi group</translation>
    </message>
    <message>
        <source>Only root may ask for this.</source>
        <translation>Only root may ask for this.</translation>
    </message>
    <message>
        <source>Only root may ask for this here: polkit, which could let an administrator allow it (action %1), does not run on this computer.</source>
        <translation>Only root may ask for this here: polkit, which could let an administrator allow it (action %1), does not run on this computer.</translation>
    </message>
    <message>
        <source>An administrator's password is needed (polkit action %1), and no authentication agent answered. Try again from the desktop, or under pkttyagent.</source>
        <translation>An administrator's password is needed (polkit action %1), and no authentication agent answered. Try again from the desktop, or under pkttyagent.</translation>
    </message>
    <message>
        <source>The authentication for polkit action %1 was dismissed.</source>
        <translation>The authentication for polkit action %1 was dismissed.</translation>
    </message>
    <message>
        <source>polkit did not authorize action %1 for you.</source>
        <translation>polkit did not authorize action %1 for you.</translation>
    </message>
    <message>
        <source>a privileged container (--privileged)</source>
        <translation>a privileged container (--privileged)</translation>
    </message>
    <message>
        <source>a privileged setting (%1)</source>
        <extracomment>%1: the setting, e.g. "masked_paths", "no_new_privileges" or "/sys"</extracomment>
        <translation>a privileged setting (%1)</translation>
    </message>
    <message>
        <source>the capability %1 (--cap-add)</source>
        <translation>the capability %1 (--cap-add)</translation>
    </message>
    <message>
        <source>no seccomp filter (seccomp=unconfined)</source>
        <translation>no seccomp filter (seccomp=unconfined)</translation>
    </message>
    <message>
        <source>a seccomp profile that lets through %1, which the default profile refuses</source>
        <extracomment>%1: a system call name such as "mount"</extracomment>
        <translation>a seccomp profile that lets through %1, which the default profile refuses</translation>
    </message>
    <message>
        <source>a seccomp profile file read by the helper (send the profile's content instead)</source>
        <translation>a seccomp profile file read by the helper (send the profile's content instead)</translation>
    </message>
    <message>
        <source>the host's network (--network host)</source>
        <translation>the host's network (--network host)</translation>
    </message>
    <message>
        <source>the host's PID namespace</source>
        <translation>the host's PID namespace</translation>
    </message>
    <message>
        <source>the host's IPC namespace</source>
        <translation>the host's IPC namespace</translation>
    </message>
    <message>
        <source>the host's UTS namespace (its host name)</source>
        <translation>the host's UTS namespace (its host name)</translation>
    </message>
    <message>
        <source>the host's cgroup namespace</source>
        <translation>the host's cgroup namespace</translation>
    </message>
    <message>
        <source>the host's mount namespace</source>
        <translation>the host's mount namespace</translation>
    </message>
    <message>
        <source>the host's user namespace</source>
        <translation>the host's user namespace</translation>
    </message>
    <message>
        <source>a namespace of the host (%1)</source>
        <translation>a namespace of the host (%1)</translation>
    </message>
    <message>
        <source>devices of the host (%1)</source>
        <extracomment>%1: a device rule such as "b 8:* rwm"</extracomment>
        <translation>devices of the host (%1)</translation>
    </message>
    <message>
        <source>a cgroup outside Onggi's own (%1)</source>
        <translation>a cgroup outside Onggi's own (%1)</translation>
    </message>
    <message>
        <source>a kernel setting (sysctl %1)</source>
        <translation>a kernel setting (sysctl %1)</translation>
    </message>
    <message>
        <source>The kernel could not reclaim %1 to bring the container under %2 (it uses %3 now). Choose at least %4, or free memory in the container first.</source>
        <extracomment>cgroup v1 refused a memory limit below what the container uses (EBUSY). %1 what could not be reclaimed, %2 the limit asked for, %3 in use now, %4 the smallest limit that fits</extracomment>
        <translation>The kernel could not reclaim %1 to bring the container under %2 (it uses %3 now). Choose at least %4, or free memory in the container first.</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Downloading</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Retrying</translation>
    </message>
    <message>
        <source>Verifying Checksum</source>
        <translation>Verifying Checksum</translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation>Extracting</translation>
    </message>
    <message>
        <source>Already exists</source>
        <translation>Already exists</translation>
    </message>
    <message>
        <source>Pull complete</source>
        <translation>Pull complete</translation>
    </message>
    <message>
        <source>Resolving</source>
        <translation>Resolving</translation>
    </message>
    <message>
        <source>This is not temporary: on cgroup v2 a cgroup that holds processes of its own cannot give controllers to child cgroups. Give the helper a --cgroup-parent that holds no processes.</source>
        <translation>This is not temporary: on cgroup v2 a cgroup that holds processes of its own cannot give controllers to child cgroups. Give the helper a --cgroup-parent that holds no processes.</translation>
    </message>
    <message>
        <source>The archive has a name that points outside it (an absolute path or ".."); nothing was loaded.</source>
        <translation>The archive has a name that points outside it (an absolute path or ".."); nothing was loaded.</translation>
    </message>
    <message>
        <source>A file that the archive's manifest names is missing from it; nothing was loaded.</source>
        <translation>A file that the archive's manifest names is missing from it; nothing was loaded.</translation>
    </message>
    <message>
        <source>A file in the archive does not match its checksum: it is damaged or was altered. Nothing was loaded.</source>
        <translation>A file in the archive does not match its checksum: it is damaged or was altered. Nothing was loaded.</translation>
    </message>
    <message>
        <source>The archive is not a tar file or ends too early (an incomplete copy?); nothing was loaded.</source>
        <translation>The archive is not a tar file or ends too early (an incomplete copy?); nothing was loaded.</translation>
    </message>
    <message>
        <source>This is not an image archive that Onggi can read (docker save or OCI layout); nothing was loaded.</source>
        <translation>This is not an image archive that Onggi can read (docker save or OCI layout); nothing was loaded.</translation>
    </message>
    <message>
        <source>The helper dropped the connection: this program did not keep up reading</source>
        <extracomment>the helper closed the connection because this program did not read what the helper sent</extracomment>
        <translation>The helper dropped the connection: this program did not keep up reading</translation>
    </message>
    <message>
        <source>Too much output was waiting for this program (for example a subscription it stopped reading). The helper keeps running; connect again.</source>
        <translation>Too much output was waiting for this program (for example a subscription it stopped reading). The helper keeps running; connect again.</translation>
    </message>
    <message numerus="yes">
        <source>--- %n byte(s) of log deleted by rotation before they were read ---</source>
        <extracomment>shown in a followed log where rotation deleted lines before this program read them</extracomment>
        <translation>
            <numerusform>--- %n byte of log deleted by rotation before it was read ---</numerusform>
            <numerusform>--- %n bytes of log deleted by rotation before they were read ---</numerusform>
        </translation>
    </message>
    <message>
        <source>The helper has too many open files (%1 of at most %2); each running container holds about a dozen. Stop some containers, or raise the helper's limit (LimitNOFILE in onggi-helper.service).</source>
        <extracomment>the helper (the privileged service) ran out of file descriptors. %1: how many it holds, %2: its limit</extracomment>
        <translation>The helper has too many open files (%1 of at most %2); each running container holds about a dozen. Stop some containers, or raise the helper's limit (LimitNOFILE in onggi-helper.service).</translation>
    </message>
    <message>
        <source>The computer's table of open files is full (fs.file-max). Stop some programs or containers, or raise fs.file-max.</source>
        <translation>The computer's table of open files is full (fs.file-max). Stop some programs or containers, or raise fs.file-max.</translation>
    </message>
    <message>
        <source>Packing layers</source>
        <translation>Packing layers</translation>
    </message>
    <message>
        <source>Writing the archive</source>
        <translation>Writing the archive</translation>
    </message>
    <message>
        <source>Reading the archive</source>
        <translation>Reading the archive</translation>
    </message>
    <message>
        <source>Unpacking layers</source>
        <translation>Unpacking layers</translation>
    </message>
    <message>
        <source>The archive holds more than a load may take (the helper's --max-load-size), or the disk would be full; nothing was loaded and nothing was left behind.</source>
        <translation>The archive holds more than a load may take (the helper's --max-load-size), or the disk would be full; nothing was loaded and nothing was left behind.</translation>
    </message>
    <message>
        <source>The helper has too many open files; each running container holds about a dozen. Stop some containers, or raise the helper's limit (LimitNOFILE in onggi-helper.service).</source>
        <translation>The helper has too many open files; each running container holds about a dozen. Stop some containers, or raise the helper's limit (LimitNOFILE in onggi-helper.service).</translation>
    </message>
    <message>
        <source>onggi-shim, the program that runs the container, has too many open files (its limit is %1). It gets the limit the helper was started with: raise the helper's soft limit (LimitNOFILE in onggi-helper.service), then restart the helper.</source>
        <extracomment>onggi-shim (the small program that runs one container) ran out of file descriptors. %1: its limit</extracomment>
        <translation>onggi-shim, the program that runs the container, has too many open files (its limit is %1). It gets the limit the helper was started with: raise the helper's soft limit (LimitNOFILE in onggi-helper.service), then restart the helper.</translation>
    </message>
    <message>
        <source>onggi-shim, the program that runs the container, has too many open files. It gets the limit the helper was started with: raise the helper's soft limit (LimitNOFILE in onggi-helper.service), then restart the helper.</source>
        <translation>onggi-shim, the program that runs the container, has too many open files. It gets the limit the helper was started with: raise the helper's soft limit (LimitNOFILE in onggi-helper.service), then restart the helper.</translation>
    </message>
</context>
<context>
    <name>onggi::gui::ChartsPanel</name>
    <message>
        <source>Time &amp;window:</source>
        <translation>Time &amp;window:</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 minute</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 minutes</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 minutes</translation>
    </message>
    <message>
        <source>CPU (% of one core)</source>
        <translation>CPU (% of one core)</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <source>Disk I/O</source>
        <translation>Disk I/O</translation>
    </message>
    <message>
        <source>Processes (PIDs)</source>
        <translation>Processes (PIDs)</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>pressure %1</source>
        <extracomment>PSI (pressure stall information): the share of the last 10 s some task waited</extracomment>
        <translation>pressure %1</translation>
    </message>
    <message>
        <source>%1 of one core</source>
        <translation>%1 of one core</translation>
    </message>
    <message>
        <source>%1 of the limit</source>
        <translation>%1 of the limit</translation>
    </message>
    <message>
        <source>throttled %1 of the time</source>
        <translation>throttled %1 of the time</translation>
    </message>
    <message>
        <source>used %1</source>
        <translation>used %1</translation>
    </message>
    <message>
        <source>page cache %1</source>
        <translation>page cache %1</translation>
    </message>
    <message>
        <source>anonymous %1</source>
        <translation>anonymous %1</translation>
    </message>
    <message>
        <source>peak %1</source>
        <translation>peak %1</translation>
    </message>
    <message numerus="yes">
        <source>%n process(es)</source>
        <translation>
            <numerusform>%n process</numerusform>
            <numerusform>%n processes</numerusform>
        </translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>read %1</translation>
    </message>
    <message>
        <source>write %1</source>
        <translation>write %1</translation>
    </message>
    <message>
        <source>received %1 · sent %2</source>
        <translation>received %1 · sent %2</translation>
    </message>
</context>
<context>
    <name>onggi::gui::ContainerListModel</name>
    <message>
        <source>created</source>
        <translation>created</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>exited</translation>
    </message>
    <message>
        <source>exited (%1)</source>
        <translation>exited (%1)</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>ID %1
Command: %2</source>
        <translation>ID %1
Command: %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Image</source>
        <extracomment>the container image (e.g. busybox)</extracomment>
        <translation>Image</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <source>PIDs</source>
        <translation>PIDs</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Uptime</translation>
    </message>
    <message>
        <source>%1 in use of a %2 limit (%3)</source>
        <extracomment>memory in use, its limit and the share of the limit in use</extracomment>
        <translation>%1 in use of a %2 limit (%3)</translation>
    </message>
    <message>
        <source>%1 in use, no memory limit</source>
        <translation>%1 in use, no memory limit</translation>
    </message>
    <message>
        <source>OOM killed</source>
        <translation>OOM killed</translation>
    </message>
    <message>
        <source>Exited with code %1: the kernel's OOM killer ended it (the memory limit was reached)</source>
        <translation>Exited with code %1: the kernel's OOM killer ended it (the memory limit was reached)</translation>
    </message>
</context>
<context>
    <name>onggi::gui::ContainerPage</name>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Processes</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Inspect</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>Learn</translation>
    </message>
    <message>
        <source>The container's OCI runtime configuration (config.json), as runc or crun would read it</source>
        <translation>The container's OCI runtime configuration (config.json), as runc or crun would read it</translation>
    </message>
    <message>
        <source>How this container is made: namespaces, control groups and layers, with its real values</source>
        <translation>How this container is made: namespaces, control groups and layers, with its real values</translation>
    </message>
    <message>
        <source>&lt;b&gt;No container selected.&lt;/b&gt; Choose one in the list, or create one with New.</source>
        <translation>&lt;b&gt;No container selected.&lt;/b&gt; Choose one in the list, or create one with New.</translation>
    </message>
    <message>
        <source>exited (OOM killed)</source>
        <extracomment>the header of a container whose main process the kernel's OOM killer ended</extracomment>
        <translation>exited (OOM killed)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2 &amp;nbsp; &lt;span style='color:%6'&gt;%3 · %4 · %5&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2 &amp;nbsp; &lt;span style='color:%6'&gt;%3 · %4 · %5&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Monitor &amp;&amp; tune</source>
        <translation>Monitor &amp;&amp; tune</translation>
    </message>
    <message>
        <source>Live charts with the limits that act on them beside each one</source>
        <translation>Live charts with the limits that act on them beside each one</translation>
    </message>
    <message>
        <source>%1 on network %2 (%3, gateway %4)</source>
        <translation>%1 on network %2 (%3, gateway %4)</translation>
    </message>
    <message>
        <source>published ports: %1</source>
        <translation>published ports: %1</translation>
    </message>
</context>
<context>
    <name>onggi::gui::CreateDialog</name>
    <message>
        <source>Choose an image, for example busybox.</source>
        <translation>Choose an image, for example busybox.</translation>
    </message>
    <message>
        <source>The name may use letters, digits, '_', '.' and '-', must start with a letter or digit, and is at most 64 characters long.</source>
        <translation>The name may use letters, digits, '_', '.' and '-', must start with a letter or digit, and is at most 64 characters long.</translation>
    </message>
    <message>
        <source>The command has an unclosed quote.</source>
        <translation>The command has an unclosed quote.</translation>
    </message>
    <message>
        <source>The hostname must be letters, digits and '-', in labels of at most 63 characters separated by dots.</source>
        <translation>The hostname must be letters, digits and '-', in labels of at most 63 characters separated by dots.</translation>
    </message>
    <message>
        <source>The working directory must be an absolute path.</source>
        <translation>The working directory must be an absolute path.</translation>
    </message>
    <message>
        <source>Environment line %1 is not NAME=value: %2</source>
        <translation>Environment line %1 is not NAME=value: %2</translation>
    </message>
    <message>
        <source>Volume line %1 is not /host/path:/container/path, optionally followed by :ro: %2</source>
        <translation>Volume line %1 is not /host/path:/container/path, optionally followed by :ro: %2</translation>
    </message>
    <message>
        <source>A memory limit below 6 MiB leaves too little for the container to start.</source>
        <translation>A memory limit below 6 MiB leaves too little for the container to start.</translation>
    </message>
    <message>
        <source>Memory high must not be above the memory limit.</source>
        <translation>Memory high must not be above the memory limit.</translation>
    </message>
    <message>
        <source>Memory + swap needs a memory limit and must be at least as large as it.</source>
        <translation>Memory + swap needs a memory limit and must be at least as large as it.</translation>
    </message>
    <message>
        <source>Unknown capability name: %1</source>
        <translation>Unknown capability name: %1</translation>
    </message>
    <message>
        <source>A privileged container cannot also use a user namespace here; choose one.</source>
        <translation>A privileged container cannot also use a user namespace here; choose one.</translation>
    </message>
    <message>
        <source>New container</source>
        <translation>New container</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limits</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>Namespaces</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <extracomment>the container image (its root filesystem), e.g. busybox</extracomment>
        <translation>&amp;Image:</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>&amp;Command:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Hostname:</source>
        <translation>&amp;Hostname:</translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation>&amp;Working directory:</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Environment:</translation>
    </message>
    <message>
        <source>&amp;Volumes:</source>
        <translation>&amp;Volumes:</translation>
    </message>
    <message>
        <source>&amp;Restart:</source>
        <translation>&amp;Restart:</translation>
    </message>
    <message>
        <source>the image's default, e.g. sh -c 'while true; do date; sleep 1; done'</source>
        <translation>the image's default, e.g. sh -c 'while true; do date; sleep 1; done'</translation>
    </message>
    <message>
        <source>generated when empty</source>
        <translation>generated when empty</translation>
    </message>
    <message>
        <source>the container's name</source>
        <translation>the container's name</translation>
    </message>
    <message>
        <source>one NAME=value per line</source>
        <translation>one NAME=value per line</translation>
    </message>
    <message>
        <source>one /host/path:/container/path[:ro] per line</source>
        <translation>one /host/path:/container/path[:ro] per line</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>when it fails</source>
        <translation>when it fails</translation>
    </message>
    <message>
        <source>always</source>
        <translation>always</translation>
    </message>
    <message>
        <source>&amp;Start the container after creating it</source>
        <translation>&amp;Start the container after creating it</translation>
    </message>
    <message>
        <source>The image provides the container's root filesystem as read-only layers; the container writes to its own upper layer on top (overlay filesystem).</source>
        <translation>The image provides the container's root filesystem as read-only layers; the container writes to its own upper layer on top (overlay filesystem).</translation>
    </message>
    <message>
        <source>The name the container sees in its own UTS namespace (uname -n).</source>
        <translation>The name the container sees in its own UTS namespace (uname -n).</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unlimited</translation>
    </message>
    <message>
        <source>CP&amp;U (cores):</source>
        <translation>CP&amp;U (cores):</translation>
    </message>
    <message>
        <source>CPU &amp;weight:</source>
        <translation>CPU &amp;weight:</translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation>&amp;Memory:</translation>
    </message>
    <message>
        <source>Memory &amp;high:</source>
        <translation>Memory &amp;high:</translation>
    </message>
    <message>
        <source>Memory + sw&amp;ap:</source>
        <translation>Memory + sw&amp;ap:</translation>
    </message>
    <message>
        <source>&amp;Processes:</source>
        <translation>&amp;Processes:</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Needs the cgroup v2 memory controller; this host's is on cgroup v1.</source>
        <translation>Needs the cgroup v2 memory controller; this host's is on cgroup v1.</translation>
    </message>
    <message>
        <source>Ne&amp;twork:</source>
        <translation>Ne&amp;twork:</translation>
    </message>
    <message>
        <source>private (own network namespace, loopback only)</source>
        <translation>private (own network namespace, loopback only)</translation>
    </message>
    <message>
        <source>host (share the host's network)</source>
        <translation>host (share the host's network)</translation>
    </message>
    <message>
        <source>none (own namespace, no interfaces up)</source>
        <translation>none (own namespace, no interfaces up)</translation>
    </message>
    <message>
        <source>&amp;PID namespace: the container's first process is PID 1 and sees only its own processes</source>
        <translation>&amp;PID namespace: the container's first process is PID 1 and sees only its own processes</translation>
    </message>
    <message>
        <source>&amp;IPC namespace: own System V IPC and POSIX message queues</source>
        <translation>&amp;IPC namespace: own System V IPC and POSIX message queues</translation>
    </message>
    <message>
        <source>&amp;UTS namespace: own hostname</source>
        <translation>&amp;UTS namespace: own hostname</translation>
    </message>
    <message>
        <source>&amp;Cgroup namespace: /proc/self/cgroup shows the container's cgroup as the root</source>
        <translation>&amp;Cgroup namespace: /proc/self/cgroup shows the container's cgroup as the root</translation>
    </message>
    <message>
        <source>Ti&amp;me namespace: own monotonic and boot clocks</source>
        <translation>Ti&amp;me namespace: own monotonic and boot clocks</translation>
    </message>
    <message>
        <source>U&amp;ser namespace: root inside is an unprivileged user outside</source>
        <translation>U&amp;ser namespace: root inside is an unprivileged user outside</translation>
    </message>
    <message>
        <source>&amp;Seccomp:</source>
        <translation>&amp;Seccomp:</translation>
    </message>
    <message>
        <source>default profile (blocks dangerous system calls)</source>
        <translation>default profile (blocks dangerous system calls)</translation>
    </message>
    <message>
        <source>unconfined (no system call filter)</source>
        <translation>unconfined (no system call filter)</translation>
    </message>
    <message>
        <source>&amp;Drop capabilities:</source>
        <translation>&amp;Drop capabilities:</translation>
    </message>
    <message>
        <source>&amp;Add capabilities:</source>
        <translation>&amp;Add capabilities:</translation>
    </message>
    <message>
        <source>e.g. NET_RAW, SYS_CHROOT</source>
        <translation>e.g. NET_RAW, SYS_CHROOT</translation>
    </message>
    <message>
        <source>e.g. NET_ADMIN</source>
        <translation>e.g. NET_ADMIN</translation>
    </message>
    <message>
        <source>&amp;Read-only root filesystem</source>
        <translation>&amp;Read-only root filesystem</translation>
    </message>
    <message>
        <source>&amp;Privileged (all capabilities, no seccomp: unsafe)</source>
        <translation>&amp;Privileged (all capabilities, no seccomp: unsafe)</translation>
    </message>
    <message>
        <source>Another container is already called "%1". Choose another name, or leave it empty for a generated one.</source>
        <translation>Another container is already called "%1". Choose another name, or leave it empty for a generated one.</translation>
    </message>
    <message>
        <source>There is no image called "%1". Choose one from the list.</source>
        <translation>There is no image called "%1". Choose one from the list.</translation>
    </message>
    <message>
        <source>Details from the service: %1</source>
        <translation>Details from the service: %1</translation>
    </message>
    <message>
        <source>Port %1: a port is a number from 1 to 65535.</source>
        <translation>Port %1: a port is a number from 1 to 65535.</translation>
    </message>
    <message>
        <source>Port %1: the protocol is tcp or udp.</source>
        <translation>Port %1: the protocol is tcp or udp.</translation>
    </message>
    <message>
        <source>Port %1: the host address is not an IPv4 address.</source>
        <translation>Port %1: the host address is not an IPv4 address.</translation>
    </message>
    <message>
        <source>Port %1 is not [address:][host port:]container port[/tcp|/udp].</source>
        <translation>Port %1 is not [address:][host port:]container port[/tcp|/udp].</translation>
    </message>
    <message>
        <source>Host ports that lead to the container, e.g. 8080:80 for the container's port 80 on the host's port 8080; several separated by spaces</source>
        <translation>Host ports that lead to the container, e.g. 8080:80 for the container's port 80 on the host's port 8080; several separated by spaces</translation>
    </message>
    <message>
        <source>Publish p&amp;orts:</source>
        <translation>Publish p&amp;orts:</translation>
    </message>
    <message>
        <source>CPU time per 100 ms period (cgroup v1 %1, v2 %2).</source>
        <translation>CPU time per 100 ms period (cgroup v1 %1, v2 %2).</translation>
    </message>
    <message>
        <source>Relative share under contention (cgroup v1 %1, v2 %2).</source>
        <translation>Relative share under contention (cgroup v1 %1, v2 %2).</translation>
    </message>
    <message>
        <source>Hard limit; the OOM killer acts above it (cgroup v1 %1, v2 %2).</source>
        <translation>Hard limit; the OOM killer acts above it (cgroup v1 %1, v2 %2).</translation>
    </message>
    <message>
        <source>Throttling threshold (cgroup v2 %1).</source>
        <translation>Throttling threshold (cgroup v2 %1).</translation>
    </message>
    <message>
        <source>Memory plus swap (cgroup v1 %1, v2 %2).</source>
        <translation>Memory plus swap (cgroup v1 %1, v2 %2).</translation>
    </message>
    <message>
        <source>bridge (the default network: an address, outbound NAT, published ports)</source>
        <translation>bridge (the default network: an address, outbound NAT, published ports)</translation>
    </message>
    <message>
        <source>%1 (default network, %2)</source>
        <extracomment>A network in the create dialog: %1 its name, %2 its subnet (10.88.0.0/24)</extracomment>
        <translation>%1 (default network, %2)</translation>
    </message>
    <message>
        <source>%1 (network, %2)</source>
        <translation>%1 (network, %2)</translation>
    </message>
    <message>
        <source>Bridge %1, gateway %2: an address on %3, outbound NAT, published ports</source>
        <translation>Bridge %1, gateway %2: an address on %3, outbound NAT, published ports</translation>
    </message>
    <message>
        <source>Publishing ports needs a network (Network above), not private, none or host.</source>
        <translation>Publishing ports needs a network (Network above), not private, none or host.</translation>
    </message>
    <message>
        <source>Publish every port the image e&amp;xposes, each on a free host port</source>
        <translation>Publish every port the image e&amp;xposes, each on a free host port</translation>
    </message>
    <message>
        <source>As onggictl run -P: the ports the image's EXPOSE names; the container's page shows the host ports they got</source>
        <translation>As onggictl run -P: the ports the image's EXPOSE names; the container's page shows the host ports they got</translation>
    </message>
    <message>
        <source>Most processes and threads (%1).</source>
        <translation>Most processes and threads (%1).</translation>
    </message>
</context>
<context>
    <name>onggi::gui::DashboardPage</name>
    <message>
        <source>Host overview</source>
        <translation>Host overview</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Containers</translation>
    </message>
    <message>
        <source>CPU use, containers stacked</source>
        <translation>CPU use, containers stacked</translation>
    </message>
    <message>
        <source>Memory use, containers stacked</source>
        <translation>Memory use, containers stacked</translation>
    </message>
    <message>
        <source>Top consumers</source>
        <translation>Top consumers</translation>
    </message>
    <message>
        <source>Recent events</source>
        <translation>Recent events</translation>
    </message>
    <message>
        <source>Double-click a container to open it.</source>
        <translation>Double-click a container to open it.</translation>
    </message>
    <message>
        <source>Double-click an event to open its container.</source>
        <translation>Double-click an event to open its container.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n CPU(s)</source>
        <extracomment>host CPU use, e.g. "57 % of 2 CPUs"; 100 % is one CPU</extracomment>
        <translation>
            <numerusform>%1 of %n CPU</numerusform>
            <numerusform>%1 of %n CPUs</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message numerus="yes">
        <source>%n CPU(s)</source>
        <translation>
            <numerusform>%n CPU</numerusform>
            <numerusform>%n CPUs</numerusform>
        </translation>
    </message>
    <message>
        <source>containers: %1 (100 % is one CPU)</source>
        <translation>containers: %1 (100 % is one CPU)</translation>
    </message>
    <message>
        <source>containers: %1 (with their page cache)</source>
        <translation>containers: %1 (with their page cache)</translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 paused · %2 stopped · %3 created</source>
        <translation>%1 paused · %2 stopped · %3 created</translation>
    </message>
    <message>
        <source>Chart scal&amp;e:</source>
        <extracomment>the dashboard charts' y axis: fitted to the containers, or to scale with the whole host</extracomment>
        <translation>Chart scal&amp;e:</translation>
    </message>
    <message>
        <source>Fit the containers</source>
        <translation>Fit the containers</translation>
    </message>
    <message>
        <source>The whole host</source>
        <translation>The whole host</translation>
    </message>
    <message>
        <source>Fit: the axis ends just above the containers' use, so small containers show; the host's line runs along the top with its value in the legend. The whole host: to scale with all CPUs and all memory.</source>
        <translation>Fit: the axis ends just above the containers' use, so small containers show; the host's line runs along the top with its value in the legend. The whole host: to scale with all CPUs and all memory.</translation>
    </message>
</context>
<context>
    <name>onggi::gui::EventListModel</name>
    <message>
        <source>Out of memory: the kernel ended a process</source>
        <translation>Out of memory: the kernel ended a process</translation>
    </message>
    <message>
        <source>Exited normally (code 0)</source>
        <translation>Exited normally (code 0)</translation>
    </message>
    <message>
        <source>Ended by SIGKILL (code 137)</source>
        <translation>Ended by SIGKILL (code 137)</translation>
    </message>
    <message>
        <source>Ended by SIGTERM (code 143)</source>
        <translation>Ended by SIGTERM (code 143)</translation>
    </message>
    <message>
        <source>Exited with code %1</source>
        <translation>Exited with code %1</translation>
    </message>
    <message>
        <source>Restarted by its restart policy</source>
        <translation>Restarted by its restart policy</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>Resumed</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>Time</source>
        <extracomment>the time of an event</extracomment>
        <translation>Time</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Event</source>
        <extracomment>what happened to the container</extracomment>
        <translation>Event</translation>
    </message>
</context>
<context>
    <name>onggi::gui::HelperAbsentPage</name>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Try again</translation>
    </message>
    <message>
        <source>Connecting to the Onggi service…</source>
        <translation>Connecting to the Onggi service…</translation>
    </message>
    <message>
        <source>Onggi talks to onggi-helper, a small service that runs as root and creates containers on its behalf, through %1.</source>
        <translation>Onggi talks to onggi-helper, a small service that runs as root and creates containers on its behalf, through %1.</translation>
    </message>
    <message>
        <source>The Onggi service is not running</source>
        <translation>The Onggi service is not running</translation>
    </message>
    <message>
        <source>Nothing answers at %1. Containers need root to create namespaces and control groups, so Onggi leaves that to onggi-helper, a system service. Start it, and this window connects by itself.</source>
        <translation>Nothing answers at %1. Containers need root to create namespaces and control groups, so Onggi leaves that to onggi-helper, a system service. Start it, and this window connects by itself.</translation>
    </message>
    <message>
        <source>sudo systemctl start onggi-helper
# start it at every boot:
sudo systemctl enable onggi-helper</source>
        <translation>sudo systemctl start onggi-helper
# start it at every boot:
sudo systemctl enable onggi-helper</translation>
    </message>
    <message>
        <source>You are not allowed to use the Onggi service</source>
        <translation>You are not allowed to use the Onggi service</translation>
    </message>
    <message>
        <source>onggi-helper accepts root and the members of the group "onggi" only, because whoever controls containers can act as root on this machine. Join the group, then log out and in again so that your session has the new group.</source>
        <translation>onggi-helper accepts root and the members of the group "onggi" only, because whoever controls containers can act as root on this machine. Join the group, then log out and in again so that your session has the new group.</translation>
    </message>
    <message>
        <source>sudo usermod -aG onggi $USER
# then log out and log in again (or run: newgrp onggi)</source>
        <translation>sudo usermod -aG onggi $USER
# then log out and log in again (or run: newgrp onggi)</translation>
    </message>
    <message>
        <source>The Onggi service speaks another protocol version</source>
        <translation>The Onggi service speaks another protocol version</translation>
    </message>
    <message>
        <source>This app and onggi-helper come from different versions. Install matching versions and restart the service.</source>
        <translation>This app and onggi-helper come from different versions. Install matching versions and restart the service.</translation>
    </message>
    <message>
        <source>sudo systemctl restart onggi-helper</source>
        <translation>sudo systemctl restart onggi-helper</translation>
    </message>
    <message>
        <source>The connection to the Onggi service was lost</source>
        <translation>The connection to the Onggi service was lost</translation>
    </message>
    <message>
        <source>onggi-helper stopped or restarted. Your containers keep running: each has its own supervisor. Onggi reconnects as soon as the service is back.</source>
        <translation>onggi-helper stopped or restarted. Your containers keep running: each has its own supervisor. Onggi reconnects as soon as the service is back.</translation>
    </message>
    <message>
        <source>sudo systemctl status onggi-helper</source>
        <translation>sudo systemctl status onggi-helper</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
</context>
<context>
    <name>onggi::gui::HostOverviewModel</name>
    <message>
        <source>Container</source>
        <extracomment>the name of a container</extracomment>
        <translation>Container</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
</context>
<context>
    <name>onggi::gui::ImagesPage</name>
    <message>
        <source>&amp;Pull…</source>
        <translation>&amp;Pull…</translation>
    </message>
    <message>
        <source>Download an image from a registry</source>
        <translation>Download an image from a registry</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>Remove the selected image from the store</source>
        <translation>Remove the selected image from the store</translation>
    </message>
    <message>
        <source>R&amp;efresh</source>
        <translation>R&amp;efresh</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Layers of the selected image (bottom first)</source>
        <translation>Layers of the selected image (bottom first)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>Image ID</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Shared</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Containers</translation>
    </message>
    <message>
        <source>Bytes of this image's layers that other images use too</source>
        <translation>Bytes of this image's layers that other images use too</translation>
    </message>
    <message>
        <source>Layer (diff ID)</source>
        <translation>Layer (diff ID)</translation>
    </message>
    <message>
        <source>Also used by</source>
        <translation>Also used by</translation>
    </message>
    <message>
        <source>Each layer is counted once, however many images share it</source>
        <translation>Each layer is counted once, however many images share it</translation>
    </message>
    <message>
        <source>The containers' writable layers (what they changed)</source>
        <translation>The containers' writable layers (what they changed)</translation>
    </message>
    <message>
        <source>What removing unused images and stopped containers would free</source>
        <translation>What removing unused images and stopped containers would free</translation>
    </message>
    <message>
        <source>Could not list the images</source>
        <translation>Could not list the images</translation>
    </message>
    <message>
        <source>Images: %1 (%2 in use), %3</source>
        <translation>Images: %1 (%2 in use), %3</translation>
    </message>
    <message>
        <source>Containers: %1 (%2 running), %3</source>
        <translation>Containers: %1 (%2 running), %3</translation>
    </message>
    <message>
        <source>Reclaimable: %1</source>
        <translation>Reclaimable: %1</translation>
    </message>
    <message>
        <source>%1 shared with other images, %2 only this one's</source>
        <translation>%1 shared with other images, %2 only this one's</translation>
    </message>
    <message>
        <source>Could not read the image's layers</source>
        <translation>Could not read the image's layers</translation>
    </message>
    <message>
        <source>only this image</source>
        <translation>only this image</translation>
    </message>
    <message>
        <source>Remove image</source>
        <translation>Remove image</translation>
    </message>
    <message>
        <source>Remove the image %1?</source>
        <translation>Remove the image %1?</translation>
    </message>
    <message>
        <source>Its layers are deleted unless another image uses them. The built-in image comes back when the helper next starts.</source>
        <translation>Its layers are deleted unless another image uses them. The built-in image comes back when the helper next starts.</translation>
    </message>
    <message>
        <source>Its layers are deleted unless another image uses them. A registry can give it back with Pull.</source>
        <translation>Its layers are deleted unless another image uses them. A registry can give it back with Pull.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>The image %1 is used by a container. Remove the container first.</source>
        <translation>The image %1 is used by a container. Remove the container first.</translation>
    </message>
    <message numerus="yes">
        <source>The image %1 is used by %n container(s): %2. Remove them first.</source>
        <translation>
            <numerusform>The image %1 is used by %n container: %2. Remove it first.</numerusform>
            <numerusform>The image %1 is used by %n containers: %2. Remove them first.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only root may remove images: every user of this computer shares them.</source>
        <translation>Only root may remove images: every user of this computer shares them.</translation>
    </message>
    <message>
        <source>Could not remove the image %1: %2</source>
        <translation>Could not remove the image %1: %2</translation>
    </message>
    <message>
        <source>Image not removed</source>
        <translation>Image not removed</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Save…</translation>
    </message>
    <message>
        <source>Save the selected image to a tar archive (as docker save writes it)</source>
        <translation>Save the selected image to a tar archive (as docker save writes it)</translation>
    </message>
    <message>
        <source>&amp;Load…</source>
        <translation>&amp;Load…</translation>
    </message>
    <message>
        <source>Load images from a tar archive (docker save or OCI layout)</source>
        <translation>Load images from a tar archive (docker save or OCI layout)</translation>
    </message>
    <message>
        <source>Save image</source>
        <translation>Save image</translation>
    </message>
    <message>
        <source>Tar archives (*.tar);;All files (*)</source>
        <translation>Tar archives (*.tar);;All files (*)</translation>
    </message>
    <message>
        <source>Load images</source>
        <translation>Load images</translation>
    </message>
    <message>
        <source>Image archives (*.tar *.tar.gz *.tgz *.tar.zst);;All files (*)</source>
        <translation>Image archives (*.tar *.tar.gz *.tgz *.tar.zst);;All files (*)</translation>
    </message>
    <message>
        <source>Saving %1 to %2…</source>
        <translation>Saving %1 to %2…</translation>
    </message>
    <message>
        <source>Could not save the image %1</source>
        <translation>Could not save the image %1</translation>
    </message>
    <message>
        <source>Saved %1 to %2 (%3).</source>
        <translation>Saved %1 to %2 (%3).</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Loading %1…</translation>
    </message>
    <message>
        <source>Could not load %1</source>
        <translation>Could not load %1</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n image(s) from %1: %2</source>
        <translation>
            <numerusform>Loaded %n image from %1: %2</numerusform>
            <numerusform>Loaded %n images from %1: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 of %3</translation>
    </message>
    <message>
        <source>Only root may load images: their names are shared by every user of this computer.</source>
        <translation>Only root may load images: their names are shared by every user of this computer.</translation>
    </message>
    <message>
        <source>Images not loaded</source>
        <translation>Images not loaded</translation>
    </message>
    <message>
        <source>Image not saved</source>
        <translation>Image not saved</translation>
    </message>
</context>
<context>
    <name>onggi::gui::LayerStackView</name>
    <message>
        <source>writable · %1</source>
        <translation>writable · %1</translation>
    </message>
    <message>
        <source>No images yet.</source>
        <translation>No images yet.</translation>
    </message>
    <message>
        <source>image</source>
        <translation>image</translation>
    </message>
    <message>
        <source>container, running</source>
        <translation>container, running</translation>
    </message>
    <message>
        <source>container, paused</source>
        <translation>container, paused</translation>
    </message>
    <message>
        <source>container, created</source>
        <translation>container, created</translation>
    </message>
    <message>
        <source>container, stopped</source>
        <translation>container, stopped</translation>
    </message>
    <message>
        <source>The writable layer of %1: what it changed, %2. Click to list the files.</source>
        <translation>The writable layer of %1: what it changed, %2. Click to list the files.</translation>
    </message>
    <message>
        <source>size not known</source>
        <translation>size not known</translation>
    </message>
    <message>
        <source>Layer %1, %2: stored once on disk.</source>
        <translation>Layer %1, %2: stored once on disk.</translation>
    </message>
    <message numerus="yes">
        <source>Images using it: %n</source>
        <translation>
            <numerusform>Images using it: %n</numerusform>
            <numerusform>Images using it: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Containers using it: %n</source>
        <translation>
            <numerusform>Containers using it: %n</numerusform>
            <numerusform>Containers using it: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onggi::gui::LayersDialog</name>
    <message>
        <source>Layers on disk: %1 · images: %2 · containers: %3</source>
        <translation>Layers on disk: %1 · images: %2 · containers: %3</translation>
    </message>
    <message>
        <source>Layer %1 (%2), read-only, used by:</source>
        <translation>Layer %1 (%2), read-only, used by:</translation>
    </message>
    <message>
        <source>size not known</source>
        <translation>size not known</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>image %1</translation>
    </message>
    <message>
        <source>container %1</source>
        <translation>container %1</translation>
    </message>
    <message>
        <source>Writable layer of %1 (%2): the files it changed</source>
        <translation>Writable layer of %1 (%2): the files it changed</translation>
    </message>
    <message>
        <source>Start the container to list the files it changed.</source>
        <translation>Start the container to list the files it changed.</translation>
    </message>
    <message>
        <source>Nothing changed yet: every file comes from the layers below.</source>
        <translation>Nothing changed yet: every file comes from the layers below.</translation>
    </message>
    <message>
        <source>deleted (a whiteout hides it)</source>
        <translation>deleted (a whiteout hides it)</translation>
    </message>
    <message>
        <source>directory replaced (opaque)</source>
        <translation>directory replaced (opaque)</translation>
    </message>
    <message>
        <source>directory</source>
        <translation>directory</translation>
    </message>
    <message>
        <source>symbolic link</source>
        <translation>symbolic link</translation>
    </message>
    <message>
        <source>changed (copied up), %1</source>
        <translation>changed (copied up), %1</translation>
    </message>
    <message>
        <source>new, %1</source>
        <translation>new, %1</translation>
    </message>
    <message>
        <source>(more changes not listed)</source>
        <translation>(more changes not listed)</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <source>Each column is an image or a container, its layers from the bottom up. A layer is stored once and drawn in the same colour wherever it is used; a container adds its own writable layer on top (dashed). Click a layer to see who uses it, a writable layer to see its files.</source>
        <translation>Each column is an image or a container, its layers from the bottom up. A layer is stored once and drawn in the same colour wherever it is used; a container adds its own writable layer on top (dashed). Click a layer to see who uses it, a writable layer to see its files.</translation>
    </message>
    <message>
        <source>Click a layer.</source>
        <translation>Click a layer.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>onggi::gui::LearnPanel</name>
    <message>
        <source>en</source>
        <comment>lesson language code</comment>
        <extracomment>The folder of lessons (resources/lessons/&lt;code&gt;/) to show with this translation: "ko" or "en".</extracomment>
        <translation>en</translation>
    </message>
    <message>
        <source>What the kernel says: select a running container.</source>
        <translation>What the kernel says: select a running container.</translation>
    </message>
    <message>
        <source>What the kernel says about "%1" now (read every second while shown)</source>
        <translation>What the kernel says about "%1" now (read every second while shown)</translation>
    </message>
    <message>
        <source>The container is not running: start it to see the kernel's view.</source>
        <translation>The container is not running: start it to see the kernel's view.</translation>
    </message>
</context>
<context>
    <name>onggi::gui::LimitsPanel</name>
    <message>
        <source>The container uses %1 now, more than the new limit of %2. The kernel will first try to reclaim memory (page cache, swap); if that is not enough, the OOM killer may end processes in the container.</source>
        <translation>The container uses %1 now, more than the new limit of %2. The kernel will first try to reclaim memory (page cache, swap); if that is not enough, the OOM killer may end processes in the container.</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unlimited</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limits</translation>
    </message>
    <message>
        <source>Changes apply at once to the running container's control group (cgroup) and are kept for its next start. Watch the charts to see the effect.</source>
        <translation>Changes apply at once to the running container's control group (cgroup) and are kept for its next start. Watch the charts to see the effect.</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>cores</source>
        <translation>cores</translation>
    </message>
    <message>
        <source>CPU weight</source>
        <translation>CPU weight</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>Not available here: the memory controller of this host is on cgroup v1.</source>
        <translation>Not available here: the memory controller of this host is on cgroup v1.</translation>
    </message>
    <message>
        <source>Memory high</source>
        <translation>Memory high</translation>
    </message>
    <message>
        <source>Memory + swap</source>
        <translation>Memory + swap</translation>
    </message>
    <message>
        <source>Processes</source>
        <extracomment>the value is not known yet (shown in a number field until the first measurement)</extracomment>
        <translation>Processes</translation>
    </message>
    <message>
        <source>Disk read</source>
        <translation>Disk read</translation>
    </message>
    <message>
        <source>MiB/s</source>
        <translation>MiB/s</translation>
    </message>
    <message>
        <source>Disk write</source>
        <translation>Disk write</translation>
    </message>
    <message>
        <source>Block &amp;device (major:minor):</source>
        <translation>Block &amp;device (major:minor):</translation>
    </message>
    <message>
        <source>I/O limits apply per block device, named by its major:minor numbers (see lsblk).</source>
        <translation>I/O limits apply per block device, named by its major:minor numbers (see lsblk).</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>How much CPU time the container may use, in cores: 0.5 means half of one core. The kernel's CFS bandwidth control lets the group run for a quota of time in every 100 ms period and then throttles it.
cgroup v1: %1 / %2
cgroup v2: %3</source>
        <translation>How much CPU time the container may use, in cores: 0.5 means half of one core. The kernel's CFS bandwidth control lets the group run for a quota of time in every 100 ms period and then throttles it.
cgroup v1: %1 / %2
cgroup v2: %3</translation>
    </message>
    <message>
        <source>The container's share of CPU time when several groups compete for it (default 100). It limits nothing while CPUs are idle.
cgroup v1: %1 (weight × 1024 / 100)
cgroup v2: %2</source>
        <translation>The container's share of CPU time when several groups compete for it (default 100). It limits nothing while CPUs are idle.
cgroup v1: %1 (weight × 1024 / 100)
cgroup v2: %2</translation>
    </message>
    <message>
        <source>The hard memory limit. Above it the kernel reclaims the group's memory, and when nothing more can be reclaimed the OOM killer ends a process in the container.
cgroup v1: %1
cgroup v2: %2</source>
        <translation>The hard memory limit. Above it the kernel reclaims the group's memory, and when nothing more can be reclaimed the OOM killer ends a process in the container.
cgroup v1: %1
cgroup v2: %2</translation>
    </message>
    <message>
        <source>The soft ceiling: above it the kernel throttles the group's allocations and reclaims memory hard, but never kills.
cgroup v1: (none)
cgroup v2: %1</source>
        <translation>The soft ceiling: above it the kernel throttles the group's allocations and reclaims memory hard, but never kills.
cgroup v1: (none)
cgroup v2: %1</translation>
    </message>
    <message>
        <source>Memory plus swap together, as in docker --memory-swap; it must be at least the memory limit.
cgroup v1: %1
cgroup v2: %2 (swap only: this value minus the memory limit)</source>
        <translation>Memory plus swap together, as in docker --memory-swap; it must be at least the memory limit.
cgroup v1: %1
cgroup v2: %2 (swap only: this value minus the memory limit)</translation>
    </message>
    <message>
        <source>The most processes and threads the container may have; fork() fails with EAGAIN beyond it (stops fork bombs).
cgroup v1: %1
cgroup v2: %2</source>
        <translation>The most processes and threads the container may have; fork() fails with EAGAIN beyond it (stops fork bombs).
cgroup v1: %1
cgroup v2: %2</translation>
    </message>
    <message>
        <source>Read bandwidth from the block device below, in bytes per second.
cgroup v1: %1
cgroup v2: %2 (rbps)</source>
        <translation>Read bandwidth from the block device below, in bytes per second.
cgroup v1: %1
cgroup v2: %2 (rbps)</translation>
    </message>
    <message>
        <source>Write bandwidth to the block device below, in bytes per second. Buffered writes are throttled only on cgroup v2.
cgroup v1: %1
cgroup v2: %2 (wbps)</source>
        <translation>Write bandwidth to the block device below, in bytes per second. Buffered writes are throttled only on cgroup v2.
cgroup v1: %1
cgroup v2: %2 (wbps)</translation>
    </message>
</context>
<context>
    <name>onggi::gui::LogsView</name>
    <message>
        <source>Search the log…</source>
        <translation>Search the log…</translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation>&amp;Follow</translation>
    </message>
    <message>
        <source>Keep showing new lines as the container writes them</source>
        <translation>Keep showing new lines as the container writes them</translation>
    </message>
</context>
<context>
    <name>onggi::gui::MainWindow</name>
    <message>
        <source>About Onggi</source>
        <translation>About Onggi</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Onggi %1&lt;/h3&gt;&lt;p&gt;A desktop container manager for Linux that shows how containers work: namespaces, control groups, layered filesystems, capabilities and seccomp.&lt;/p&gt;&lt;p&gt;Onggi (옹기) are the breathing earthenware jars of Korean kitchens.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Onggi %1&lt;/h3&gt;&lt;p&gt;A desktop container manager for Linux that shows how containers work: namespaces, control groups, layered filesystems, capabilities and seccomp.&lt;/p&gt;&lt;p&gt;Onggi (옹기) are the breathing earthenware jars of Korean kitchens.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Onggi — containers</source>
        <translation>Onggi — containers</translation>
    </message>
    <message>
        <source>Container actions</source>
        <translation>Container actions</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <source>Create a new container</source>
        <translation>Create a new container</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <source>Send SIGTERM, then SIGKILL after 10 seconds</source>
        <translation>Send SIGTERM, then SIGKILL after 10 seconds</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>Res&amp;ume</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Freeze or thaw every process of the container (cgroup freezer)</source>
        <translation>Freeze or thaw every process of the container (cgroup freezer)</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Restart</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;About Onggi</source>
        <translation>&amp;About Onggi</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Container</source>
        <translation>&amp;Container</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>&amp;System language</translation>
    </message>
    <message>
        <source>한국어</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Filter by name, image or state…</source>
        <translation>Filter by name, image or state…</translation>
    </message>
    <message>
        <source>the service speaks protocol %1, this app %2</source>
        <translation>the service speaks protocol %1, this app %2</translation>
    </message>
    <message>
        <source>Out of memory in "%1"</source>
        <translation>Out of memory in "%1"</translation>
    </message>
    <message>
        <source>The kernel's OOM killer ended a process in container "%1" because it reached its memory limit. Raise the limit in the Limits tab if it needs more.</source>
        <translation>The kernel's OOM killer ended a process in container "%1" because it reached its memory limit. Raise the limit in the Limits tab if it needs more.</translation>
    </message>
    <message>
        <source>Limits applied</source>
        <translation>Limits applied</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>Not connected to the Onggi service</source>
        <translation>Not connected to the Onggi service</translation>
    </message>
    <message>
        <source>Connected to onggi-helper %1</source>
        <translation>Connected to onggi-helper %1</translation>
    </message>
    <message>
        <source>cgroup v1</source>
        <translation>cgroup v1</translation>
    </message>
    <message>
        <source>cgroup v2</source>
        <translation>cgroup v2</translation>
    </message>
    <message>
        <source>cgroup hybrid (v1 controllers)</source>
        <translation>cgroup hybrid (v1 controllers)</translation>
    </message>
    <message numerus="yes">
        <source>%1 · Linux %2 · %n CPU(s) · %3</source>
        <translation>
            <numerusform>%1 · Linux %2 · %n CPU · %3</numerusform>
            <numerusform>%1 · Linux %2 · %n CPUs · %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation>
            <numerusform>%n container</numerusform>
            <numerusform>%n containers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
    <message>
        <source>Container "%1" is running. Stop it and remove it with everything it wrote (its upper layer and logs)?</source>
        <translation>Container "%1" is running. Stop it and remove it with everything it wrote (its upper layer and logs)?</translation>
    </message>
    <message>
        <source>Remove container "%1" with everything it wrote (its upper layer and logs)?</source>
        <translation>Remove container "%1" with everything it wrote (its upper layer and logs)?</translation>
    </message>
    <message>
        <source>Remove container</source>
        <translation>Remove container</translation>
    </message>
    <message>
        <source>&amp;Host overview</source>
        <translation>&amp;Host overview</translation>
    </message>
    <message>
        <source>The whole host: CPU and memory, top consumers, recent events</source>
        <translation>The whole host: CPU and memory, top consumers, recent events</translation>
    </message>
    <message>
        <source>&amp;Networks…</source>
        <translation>&amp;Networks…</translation>
    </message>
    <message>
        <source>Networks, their members, and what the kernel has for them</source>
        <translation>Networks, their members, and what the kernel has for them</translation>
    </message>
    <message>
        <source>&amp;Images</source>
        <translation>&amp;Images</translation>
    </message>
    <message>
        <source>The images in the store: their layers, sizes, pull and remove</source>
        <translation>The images in the store: their layers, sizes, pull and remove</translation>
    </message>
    <message>
        <source>La&amp;yers…</source>
        <translation>La&amp;yers…</translation>
    </message>
    <message>
        <source>Every image's and container's layers side by side: what is shared, what each container wrote</source>
        <translation>Every image's and container's layers side by side: what is shared, what each container wrote</translation>
    </message>
</context>
<context>
    <name>onggi::gui::MetricChart</name>
    <message>
        <source>OOM kill</source>
        <translation>OOM kill</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <extracomment>chart hover: series name, time, value with unit</extracomment>
        <translation>%1 at %2: %3</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>OOM kill at %1
The kernel's out-of-memory killer ended a process in this container because it reached its memory limit.
Memory limit: %2
OOM kills so far: %3</source>
        <translation>OOM kill at %1
The kernel's out-of-memory killer ended a process in this container because it reached its memory limit.
Memory limit: %2
OOM kills so far: %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>%1 %2 ↑</source>
        <translation>%1 %2 ↑</translation>
    </message>
</context>
<context>
    <name>onggi::gui::NetworksDialog</name>
    <message>
        <source>Asking the helper...</source>
        <translation>Asking the helper...</translation>
    </message>
    <message numerus="yes">
        <source>%n network(s).</source>
        <translation>
            <numerusform>%n network.</numerusform>
            <numerusform>%n networks.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (default)</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>up</source>
        <translation>up</translation>
    </message>
    <message>
        <source>down</source>
        <translation>down</translation>
    </message>
    <message>
        <source>%1, %2, MTU %3</source>
        <translation>%1, %2, MTU %3</translation>
    </message>
    <message>
        <source>device</source>
        <translation>device</translation>
    </message>
    <message>
        <source>Bridge port of</source>
        <translation>Bridge port of</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC address</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Peer</translation>
    </message>
    <message>
        <source>%1 in container %2 (ifindex %3 in its namespace), %4</source>
        <translation>%1 in container %2 (ifindex %3 in its namespace), %4</translation>
    </message>
    <message>
        <source>Received / sent</source>
        <translation>Received / sent</translation>
    </message>
    <message>
        <source>%1 / %2 bytes</source>
        <translation>%1 / %2 bytes</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Addresses</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Routes</translation>
    </message>
    <message>
        <source>on link %1</source>
        <translation>on link %1</translation>
    </message>
    <message>
        <source>via %1 (%2)</source>
        <translation>via %1 (%2)</translation>
    </message>
    <message>
        <source>(no rules: no network is in use yet)</source>
        <translation>(no rules: no network is in use yet)</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Networks</translation>
    </message>
    <message>
        <source>&lt;b&gt;Networks&lt;/b&gt;</source>
        <translation>&lt;b&gt;Networks&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Containers on the selected network&lt;/b&gt;</source>
        <translation>&lt;b&gt;Containers on the selected network&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;What the kernel has&lt;/b&gt; (links, addresses, routes)</source>
        <translation>&lt;b&gt;What the kernel has&lt;/b&gt; (links, addresses, routes)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rules&lt;/b&gt; (nftables table inet onggi)</source>
        <translation>&lt;b&gt;Rules&lt;/b&gt; (nftables table inet onggi)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>Bridge</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>Subnet</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Containers</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Host end</source>
        <translation>Host end</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>Inside</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>onggi::gui::ProcessListModel</name>
    <message>
        <source>The process ID in the host's PID namespace (what ps on the host shows)</source>
        <translation>The process ID in the host's PID namespace (what ps on the host shows)</translation>
    </message>
    <message>
        <source>The process ID inside the container's own PID namespace; its first process is PID 1</source>
        <translation>The process ID inside the container's own PID namespace; its first process is PID 1</translation>
    </message>
    <message>
        <source>Host PID</source>
        <translation>Host PID</translation>
    </message>
    <message>
        <source>Container PID</source>
        <translation>Container PID</translation>
    </message>
    <message>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Command</translation>
    </message>
</context>
<context>
    <name>onggi::gui::PullDialog</name>
    <message>
        <source>Each layer of the image gets a bar below while the helper downloads and unpacks it.</source>
        <translation>Each layer of the image gets a bar below while the helper downloads and unpacks it.</translation>
    </message>
    <message>
        <source>Pull an image</source>
        <translation>Pull an image</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>&amp;Image:</translation>
    </message>
    <message>
        <source>e.g. alpine:3.20 or 127.0.0.1:5000/app:1</source>
        <translation>e.g. alpine:3.20 or 127.0.0.1:5000/app:1</translation>
    </message>
    <message>
        <source>A name as docker takes it: busybox means docker.io/library/busybox:latest</source>
        <translation>A name as docker takes it: busybox means docker.io/library/busybox:latest</translation>
    </message>
    <message>
        <source>&amp;Pull</source>
        <translation>&amp;Pull</translation>
    </message>
    <message>
        <source>&amp;Cancel pull</source>
        <translation>&amp;Cancel pull</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Pulling %1…</source>
        <translation>Pulling %1…</translation>
    </message>
    <message>
        <source>Pull of %1 cancelled.</source>
        <translation>Pull of %1 cancelled.</translation>
    </message>
    <message>
        <source>Could not pull %1: %2</source>
        <translation>Could not pull %1: %2</translation>
    </message>
    <message>
        <source>Pulled %1 (%2).</source>
        <translation>Pulled %1 (%2).</translation>
    </message>
    <message>
        <source>Resolving %1…</source>
        <translation>Resolving %1…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>onggi::gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>한국어</source>
        <extracomment>the name of the Korean language, always written in Korean</extracomment>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <extracomment>the name of the English language, always written in English</extracomment>
        <translation>English</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>&amp;Refresh interval:</source>
        <translation>&amp;Refresh interval:</translation>
    </message>
    <message>
        <source>How often the helper samples the containers' cgroups for the charts (100 ms to 10 s).</source>
        <translation>How often the helper samples the containers' cgroups for the charts (100 ms to 10 s).</translation>
    </message>
</context>
<context>
    <name>onggi::gui::StackedUsageChart</name>
    <message>
        <source>other containers</source>
        <translation>other containers</translation>
    </message>
    <message>
        <source>whole host</source>
        <translation>whole host</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <extracomment>the left end of the dashboard's time axis, e.g. "5 min ago"</extracomment>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <source>whole host %1 ↑</source>
        <extracomment>the dashboard chart's host line, above the chart's scale (drawn along its top edge)</extracomment>
        <translation>whole host %1 ↑</translation>
    </message>
</context>
<context>
    <name>onggi::gui::StatsHistoryModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory used</source>
        <translation>Memory used</translation>
    </message>
    <message>
        <source>Memory limit</source>
        <translation>Memory limit</translation>
    </message>
    <message>
        <source>Memory high</source>
        <translation>Memory high</translation>
    </message>
    <message>
        <source>Disk read</source>
        <translation>Disk read</translation>
    </message>
    <message>
        <source>Disk write</source>
        <translation>Disk write</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Processes</translation>
    </message>
    <message>
        <source>Process limit</source>
        <translation>Process limit</translation>
    </message>
    <message>
        <source>Network received</source>
        <translation>Network received</translation>
    </message>
    <message>
        <source>Network sent</source>
        <translation>Network sent</translation>
    </message>
    <message>
        <source>CPU limit</source>
        <extracomment>the CPU limit (CFS quota) drawn as a line on the CPU chart</extracomment>
        <translation>CPU limit</translation>
    </message>
    <message>
        <source>Share of the CPU limit</source>
        <translation>Share of the CPU limit</translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation>Throttled</translation>
    </message>
    <message>
        <source>Page cache</source>
        <translation>Page cache</translation>
    </message>
    <message>
        <source>Anonymous memory</source>
        <translation>Anonymous memory</translation>
    </message>
    <message>
        <source>Peak memory</source>
        <translation>Peak memory</translation>
    </message>
    <message>
        <source>CPU pressure</source>
        <extracomment>PSI: pressure stall information, the share of time tasks waited for the CPU</extracomment>
        <translation>CPU pressure</translation>
    </message>
    <message>
        <source>Memory pressure</source>
        <translation>Memory pressure</translation>
    </message>
    <message>
        <source>I/O pressure</source>
        <translation>I/O pressure</translation>
    </message>
    <message>
        <source>Read limit</source>
        <extracomment>the configured disk read bandwidth limit, drawn as a line on the disk I/O chart</extracomment>
        <translation>Read limit</translation>
    </message>
    <message>
        <source>Write limit</source>
        <extracomment>the configured disk write bandwidth limit, drawn as a line on the disk I/O chart</extracomment>
        <translation>Write limit</translation>
    </message>
</context>
<context>
    <name>onggi::gui::TryItBar</name>
    <message>
        <source>(container)</source>
        <translation>(container)</translation>
    </message>
    <message>
        <source>Run: %1</source>
        <translation>Run: %1</translation>
    </message>
    <message>
        <source>Runs onggictl %1 as you, in your own container</source>
        <translation>Runs onggictl %1 as you, in your own container</translation>
    </message>
    <message>
        <source>Try it here: select one of your containers first.</source>
        <translation>Try it here: select one of your containers first.</translation>
    </message>
    <message>
        <source>Try it here, in "%1":</source>
        <translation>Try it here, in "%1":</translation>
    </message>
    <message>
        <source>(running…)</source>
        <translation>(running…)</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>(exit code 0: it worked)</source>
        <translation>(exit code 0: it worked)</translation>
    </message>
    <message>
        <source>(exit code %1: it failed)</source>
        <translation>(exit code %1: it failed)</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Done.</translation>
    </message>
</context>
<context>
    <name>onggi::gui::WeightSplitDemo</name>
    <message>
        <source>seconds since the start (last %1 s per point)</source>
        <translation>seconds since the start (last %1 s per point)</translation>
    </message>
    <message>
        <source>Stop the demo</source>
        <translation>Stop the demo</translation>
    </message>
    <message>
        <source>Run the 1:4 demo</source>
        <translation>Run the 1:4 demo</translation>
    </message>
    <message>
        <source>The demo could not start: %1</source>
        <translation>The demo could not start: %1</translation>
    </message>
    <message>
        <source>Creating two busy containers with weights 100 and 400 on CPU 0…</source>
        <translation>Creating two busy containers with weights 100 and 400 on CPU 0…</translation>
    </message>
    <message numerus="yes">
        <source>Two busy loops compete for CPU 0. Measured from their cgroup files every second; they stop after %n second(s).</source>
        <translation>
            <numerusform>Two busy loops compete for CPU 0. Measured from their cgroup files every second; they stop after %n second.</numerusform>
            <numerusform>Two busy loops compete for CPU 0. Measured from their cgroup files every second; they stop after %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Creates two of your containers (weights 100 and 400, both on CPU 0, each a busy loop) and measures how the kernel splits the CPU between them.</source>
        <translation>Creates two of your containers (weights 100 and 400, both on CPU 0, each a busy loop) and measures how the kernel splits the CPU between them.</translation>
    </message>
    <message>
        <source>weight file: %1 = %2</source>
        <translation>weight file: %1 = %2</translation>
    </message>
    <message>
        <source>CPU time: %1 s</source>
        <translation>CPU time: %1 s</translation>
    </message>
    <message>
        <source>share now: %1 % · since the start: %2 %</source>
        <translation>share now: %1 % · since the start: %2 %</translation>
    </message>
    <message>
        <source>The kernel divides a busy CPU in the ratio of the weights: 100:400 is 20 % and 80 %.</source>
        <translation>The kernel divides a busy CPU in the ratio of the weights: 100:400 is 20 % and 80 %.</translation>
    </message>
    <message>
        <source>Last run: the container with weight 400 got %1 % of the CPU time the two used (the weights say 80 %). Its containers are removed.</source>
        <translation>Last run: the container with weight 400 got %1 % of the CPU time the two used (the weights say 80 %). Its containers are removed.</translation>
    </message>
</context>
<context>
    <name>onggictl</name>
    <message>
        <source>%1: %2</source>
        <extracomment>progress of onggictl load/save: %1 the phase (&quot;Reading the archive&quot;), %2 how much so far</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2/%3 (%4%)</source>
        <extracomment>progress of onggictl load/save: %1 the phase (&quot;Writing the archive&quot;), %2 done, %3 of the total, %4 percent</extracomment>
        <translation>%1: %2/%3 (%4%)</translation>
    </message>
    <message>
        <source>Suppress the load progress</source>
        <translation>Suppress the load progress</translation>
    </message>
    <message>
        <source>Suppress the save progress</source>
        <translation>Suppress the save progress</translation>
    </message>
    <message>
        <source>flag needs an argument: %1</source>
        <translation>flag needs an argument: %1</translation>
    </message>
    <message>
        <source>unknown flag: --%1</source>
        <translation>unknown flag: --%1</translation>
    </message>
    <message>
        <source>invalid argument "%1" for "--%2" flag: expected true or false</source>
        <translation>invalid argument "%1" for "--%2" flag: expected true or false</translation>
    </message>
    <message>
        <source>unknown shorthand flag: '%1' in %2</source>
        <translation>unknown shorthand flag: '%1' in %2</translation>
    </message>
    <message numerus="yes">
        <source>"%1" requires exactly %n argument(s).</source>
        <translation>
            <numerusform>"%1" requires exactly %n argument.</numerusform>
            <numerusform>"%1" requires exactly %n arguments.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>"%1" requires at least %n argument(s).</source>
        <translation>
            <numerusform>"%1" requires at least %n argument.</numerusform>
            <numerusform>"%1" requires at least %n arguments.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>"%1" accepts at most %n argument(s).</source>
        <translation>
            <numerusform>"%1" accepts at most %n argument.</numerusform>
            <numerusform>"%1" accepts at most %n arguments.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage:  onggictl %1</source>
        <translation>Usage:  onggictl %1</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Options:</translation>
    </message>
    <message>
        <source>Error response from helper: %1</source>
        <translation>Error response from helper: %1</translation>
    </message>
    <message>
        <source>onggictl: %1</source>
        <translation>onggictl: %1</translation>
    </message>
    <message>
        <source>See 'onggictl %1 --help'.</source>
        <translation>See 'onggictl %1 --help'.</translation>
    </message>
    <message>
        <source>create [OPTIONS] IMAGE [COMMAND] [ARG...]</source>
        <translation>create [OPTIONS] IMAGE [COMMAND] [ARG...]</translation>
    </message>
    <message>
        <source>Create a new container</source>
        <translation>Create a new container</translation>
    </message>
    <message>
        <source>WARNING: --privileged gives the container every capability and no seccomp filter; a process inside can take over the host.</source>
        <translation>WARNING: --privileged gives the container every capability and no seccomp filter; a process inside can take over the host.</translation>
    </message>
    <message>
        <source>events [OPTIONS]</source>
        <translation>events [OPTIONS]</translation>
    </message>
    <message>
        <source>Get real time events from the helper</source>
        <translation>Get real time events from the helper</translation>
    </message>
    <message>
        <source>Output format: json for one object a line</source>
        <translation>Output format: json for one object a line</translation>
    </message>
    <message>
        <source>exec [OPTIONS] CONTAINER COMMAND [ARG...]</source>
        <translation>exec [OPTIONS] CONTAINER COMMAND [ARG...]</translation>
    </message>
    <message>
        <source>Execute a command in a running container</source>
        <translation>Execute a command in a running container</translation>
    </message>
    <message>
        <source>Keep STDIN open</source>
        <translation>Keep STDIN open</translation>
    </message>
    <message>
        <source>Allocate a pseudo-TTY</source>
        <translation>Allocate a pseudo-TTY</translation>
    </message>
    <message>
        <source>Detached mode: not supported, rejected</source>
        <translation>Detached mode: not supported, rejected</translation>
    </message>
    <message>
        <source>Set environment variables</source>
        <translation>Set environment variables</translation>
    </message>
    <message>
        <source>Working directory inside the container</source>
        <translation>Working directory inside the container</translation>
    </message>
    <message>
        <source>User to run as: a name or UID, and optionally a group name or GID</source>
        <translation>User to run as: a name or UID, and optionally a group name or GID</translation>
    </message>
    <message>
        <source>exec -d is not supported</source>
        <translation>exec -d is not supported</translation>
    </message>
    <message>
        <source>onggictl: output truncated by the helper (over 4 MiB)</source>
        <translation>onggictl: output truncated by the helper (over 4 MiB)</translation>
    </message>
    <message>
        <source>attach [OPTIONS] CONTAINER</source>
        <translation>attach [OPTIONS] CONTAINER</translation>
    </message>
    <message>
        <source>Attach the local terminal to a running container's terminal</source>
        <translation>Attach the local terminal to a running container's terminal</translation>
    </message>
    <message>
        <source>Do not attach STDIN</source>
        <translation>Do not attach STDIN</translation>
    </message>
    <message>
        <source>the helper sent no terminal for the session</source>
        <translation>the helper sent no terminal for the session</translation>
    </message>
    <message>
        <source>images [OPTIONS]</source>
        <translation>images [OPTIONS]</translation>
    </message>
    <message>
        <source>List images</source>
        <translation>List images</translation>
    </message>
    <message>
        <source>Only show image IDs</source>
        <translation>Only show image IDs</translation>
    </message>
    <message>
        <source>Don't truncate output</source>
        <translation>Don't truncate output</translation>
    </message>
    <message>
        <source>REPOSITORY</source>
        <translation>REPOSITORY</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>TAG</translation>
    </message>
    <message>
        <source>IMAGE ID</source>
        <translation>IMAGE ID</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>CREATED</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>SIZE</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>Display system-wide information</source>
        <translation>Display system-wide information</translation>
    </message>
    <message>
        <source>Containers: %1</source>
        <translation>Containers: %1</translation>
    </message>
    <message>
        <source> Running: %1</source>
        <translation> Running: %1</translation>
    </message>
    <message>
        <source> Paused: %1</source>
        <translation> Paused: %1</translation>
    </message>
    <message>
        <source> Stopped: %1</source>
        <translation> Stopped: %1</translation>
    </message>
    <message>
        <source>Images: %1</source>
        <translation>Images: %1</translation>
    </message>
    <message>
        <source>Helper Version: %1</source>
        <translation>Helper Version: %1</translation>
    </message>
    <message>
        <source>Helper Socket: %1</source>
        <translation>Helper Socket: %1</translation>
    </message>
    <message>
        <source>Cgroup Mode: %1</source>
        <translation>Cgroup Mode: %1</translation>
    </message>
    <message>
        <source>Kernel Version: %1</source>
        <translation>Kernel Version: %1</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>CPUs: %1</source>
        <translation>CPUs: %1</translation>
    </message>
    <message>
        <source>Total Memory: %1</source>
        <translation>Total Memory: %1</translation>
    </message>
    <message>
        <source>Features: %1</source>
        <translation>Features: %1</translation>
    </message>
    <message>
        <source>Admin: %1</source>
        <translation>Admin: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>inspect CONTAINER [CONTAINER...]</source>
        <translation>inspect CONTAINER [CONTAINER...]</translation>
    </message>
    <message>
        <source>Return low-level information on containers (JSON)</source>
        <translation>Return low-level information on containers (JSON)</translation>
    </message>
    <message>
        <source>kill [OPTIONS] CONTAINER [CONTAINER...]</source>
        <translation>kill [OPTIONS] CONTAINER [CONTAINER...]</translation>
    </message>
    <message>
        <source>Kill one or more running containers</source>
        <translation>Kill one or more running containers</translation>
    </message>
    <message>
        <source>Signal to send to the container (default "KILL")</source>
        <translation>Signal to send to the container (default "KILL")</translation>
    </message>
    <message>
        <source>logs [OPTIONS] CONTAINER</source>
        <translation>logs [OPTIONS] CONTAINER</translation>
    </message>
    <message>
        <source>Fetch the logs of a container</source>
        <translation>Fetch the logs of a container</translation>
    </message>
    <message>
        <source>Follow log output</source>
        <translation>Follow log output</translation>
    </message>
    <message>
        <source>Number of lines to show from the end of the logs (default "all")</source>
        <translation>Number of lines to show from the end of the logs (default "all")</translation>
    </message>
    <message>
        <source>Show timestamps</source>
        <translation>Show timestamps</translation>
    </message>
    <message>
        <source>invalid --tail "%1": a number of lines or "all"</source>
        <translation>invalid --tail "%1": a number of lines or "all"</translation>
    </message>
    <message>
        <source>pause CONTAINER [CONTAINER...]</source>
        <translation>pause CONTAINER [CONTAINER...]</translation>
    </message>
    <message>
        <source>Pause all processes within one or more containers (cgroup freezer)</source>
        <translation>Pause all processes within one or more containers (cgroup freezer)</translation>
    </message>
    <message>
        <source>Up %1</source>
        <translation>Up %1</translation>
    </message>
    <message>
        <source>Up %1 (Paused)</source>
        <translation>Up %1 (Paused)</translation>
    </message>
    <message>
        <source>Exited (%1) %2</source>
        <translation>Exited (%1) %2</translation>
    </message>
    <message>
        <source> (OOM killed)</source>
        <translation> (OOM killed)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>ps [OPTIONS]</source>
        <translation>ps [OPTIONS]</translation>
    </message>
    <message>
        <source>List containers</source>
        <translation>List containers</translation>
    </message>
    <message>
        <source>Show all containers (default shows just running)</source>
        <translation>Show all containers (default shows just running)</translation>
    </message>
    <message>
        <source>Only display container IDs</source>
        <translation>Only display container IDs</translation>
    </message>
    <message>
        <source>CONTAINER ID</source>
        <translation>CONTAINER ID</translation>
    </message>
    <message>
        <source>IMAGE</source>
        <translation>IMAGE</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>COMMAND</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>NAMES</source>
        <translation>NAMES</translation>
    </message>
    <message>
        <source>restart [OPTIONS] CONTAINER [CONTAINER...]</source>
        <translation>restart [OPTIONS] CONTAINER [CONTAINER...]</translation>
    </message>
    <message>
        <source>Restart one or more containers</source>
        <translation>Restart one or more containers</translation>
    </message>
    <message>
        <source>rm [OPTIONS] CONTAINER [CONTAINER...]</source>
        <translation>rm [OPTIONS] CONTAINER [CONTAINER...]</translation>
    </message>
    <message>
        <source>Remove one or more containers</source>
        <translation>Remove one or more containers</translation>
    </message>
    <message>
        <source>Force the removal of a running container (uses SIGKILL)</source>
        <translation>Force the removal of a running container (uses SIGKILL)</translation>
    </message>
    <message>
        <source>rmi [OPTIONS] IMAGE [IMAGE...]</source>
        <translation>rmi [OPTIONS] IMAGE [IMAGE...]</translation>
    </message>
    <message>
        <source>Remove one or more images</source>
        <translation>Remove one or more images</translation>
    </message>
    <message>
        <source>Force removal of the image</source>
        <translation>Force removal of the image</translation>
    </message>
    <message>
        <source>Deleted: %1</source>
        <translation>Deleted: %1</translation>
    </message>
    <message>
        <source>run [OPTIONS] IMAGE [COMMAND] [ARG...]</source>
        <translation>run [OPTIONS] IMAGE [COMMAND] [ARG...]</translation>
    </message>
    <message>
        <source>Create and run a new container from an image</source>
        <translation>Create and run a new container from an image</translation>
    </message>
    <message>
        <source>conflicting options: --restart and --rm</source>
        <translation>conflicting options: --restart and --rm</translation>
    </message>
    <message>
        <source>start [OPTIONS] CONTAINER [CONTAINER...]</source>
        <translation>start [OPTIONS] CONTAINER [CONTAINER...]</translation>
    </message>
    <message>
        <source>Start one or more stopped containers</source>
        <translation>Start one or more stopped containers</translation>
    </message>
    <message>
        <source>Attach STDOUT/STDERR (or the terminal of a container created with -t) and wait for the exit</source>
        <translation>Attach STDOUT/STDERR (or the terminal of a container created with -t) and wait for the exit</translation>
    </message>
    <message>
        <source>Attach the container's STDIN</source>
        <translation>Attach the container's STDIN</translation>
    </message>
    <message>
        <source>you cannot start and attach multiple containers at once</source>
        <translation>you cannot start and attach multiple containers at once</translation>
    </message>
    <message>
        <source>stats [OPTIONS] [CONTAINER...]</source>
        <translation>stats [OPTIONS] [CONTAINER...]</translation>
    </message>
    <message>
        <source>Display a live stream of container(s) resource usage statistics</source>
        <translation>Display a live stream of container(s) resource usage statistics</translation>
    </message>
    <message>
        <source>Disable streaming stats and only pull the first result</source>
        <translation>Disable streaming stats and only pull the first result</translation>
    </message>
    <message>
        <source>Output format: table (default) or json</source>
        <translation>Output format: table (default) or json</translation>
    </message>
    <message>
        <source>Sampling interval in milliseconds (100-10000, default 1000)</source>
        <translation>Sampling interval in milliseconds (100-10000, default 1000)</translation>
    </message>
    <message>
        <source>unsupported --format "%1": use table or json</source>
        <translation>unsupported --format "%1": use table or json</translation>
    </message>
    <message>
        <source>--interval must be 100 to 10000 ms</source>
        <translation>--interval must be 100 to 10000 ms</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>MEM USAGE / LIMIT</source>
        <translation>MEM USAGE / LIMIT</translation>
    </message>
    <message>
        <source>MEM %</source>
        <translation>MEM %</translation>
    </message>
    <message>
        <source>NET I/O</source>
        <translation>NET I/O</translation>
    </message>
    <message>
        <source>BLOCK I/O</source>
        <translation>BLOCK I/O</translation>
    </message>
    <message>
        <source>PIDS</source>
        <translation>PIDS</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unlimited</translation>
    </message>
    <message>
        <source>stop [OPTIONS] CONTAINER [CONTAINER...]</source>
        <translation>stop [OPTIONS] CONTAINER [CONTAINER...]</translation>
    </message>
    <message>
        <source>Stop one or more running containers (SIGTERM, then SIGKILL after the timeout)</source>
        <translation>Stop one or more running containers (SIGTERM, then SIGKILL after the timeout)</translation>
    </message>
    <message>
        <source>top CONTAINER</source>
        <translation>top CONTAINER</translation>
    </message>
    <message>
        <source>Display the running processes of a container</source>
        <translation>Display the running processes of a container</translation>
    </message>
    <message>
        <source>PID</source>
        <extracomment>PID = process id inside the container; HOST PID = the same process's id on the host</extracomment>
        <translation>PID</translation>
    </message>
    <message>
        <source>HOST PID</source>
        <translation>HOST PID</translation>
    </message>
    <message>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>STATE</translation>
    </message>
    <message>
        <source>CMD</source>
        <translation>CMD</translation>
    </message>
    <message>
        <source>unpause CONTAINER [CONTAINER...]</source>
        <translation>unpause CONTAINER [CONTAINER...]</translation>
    </message>
    <message>
        <source>Unpause all processes within one or more containers</source>
        <translation>Unpause all processes within one or more containers</translation>
    </message>
    <message>
        <source>update [OPTIONS] CONTAINER [CONTAINER...]</source>
        <translation>update [OPTIONS] CONTAINER [CONTAINER...]</translation>
    </message>
    <message>
        <source>Update the resource limits of one or more containers</source>
        <translation>Update the resource limits of one or more containers</translation>
    </message>
    <message>
        <source>you must provide one or more flags when using this command</source>
        <translation>you must provide one or more flags when using this command</translation>
    </message>
    <message>
        <source>version</source>
        <translation>version</translation>
    </message>
    <message>
        <source>Show the onggictl and helper version information</source>
        <translation>Show the onggictl and helper version information</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Client:</translation>
    </message>
    <message>
        <source> Version:     %1</source>
        <translation> Version:     %1</translation>
    </message>
    <message>
        <source> Protocol:    %1</source>
        <translation> Protocol:    %1</translation>
    </message>
    <message>
        <source>Helper:</source>
        <translation>Helper:</translation>
    </message>
    <message>
        <source> Kernel:      %1</source>
        <translation> Kernel:      %1</translation>
    </message>
    <message>
        <source> Cgroups:     %1</source>
        <translation> Cgroups:     %1</translation>
    </message>
    <message>
        <source>Seconds to wait before killing the container (default 10)</source>
        <translation>Seconds to wait before killing the container (default 10)</translation>
    </message>
    <message>
        <source>invalid timeout "%1": expected seconds &gt;= 0</source>
        <translation>invalid timeout "%1": expected seconds &gt;= 0</translation>
    </message>
    <message>
        <source>invalid size "%1" for --%2: use a number with an optional unit b, k, m, g (e.g. 64m)</source>
        <translation>invalid size "%1" for --%2: use a number with an optional unit b, k, m, g (e.g. 64m)</translation>
    </message>
    <message>
        <source>Memory limit (e.g. 64m, 1g)</source>
        <translation>Memory limit (e.g. 64m, 1g)</translation>
    </message>
    <message>
        <source>Memory plus swap limit; -1 for unlimited swap</source>
        <translation>Memory plus swap limit; -1 for unlimited swap</translation>
    </message>
    <message>
        <source>Memory throttling threshold (cgroup v2 memory.high)</source>
        <translation>Memory throttling threshold (cgroup v2 memory.high)</translation>
    </message>
    <message>
        <source>Number of CPUs (e.g. 0.5)</source>
        <translation>Number of CPUs (e.g. 0.5)</translation>
    </message>
    <message>
        <source>Relative CPU weight (1-10000)</source>
        <translation>Relative CPU weight (1-10000)</translation>
    </message>
    <message>
        <source>CPUs in which to allow execution (0-3, 0,1)</source>
        <translation>CPUs in which to allow execution (0-3, 0,1)</translation>
    </message>
    <message>
        <source>Maximum number of processes (0 = unlimited)</source>
        <translation>Maximum number of processes (0 = unlimited)</translation>
    </message>
    <message>
        <source>invalid value "%1" for --cpus: expected a number of CPUs such as 0.5</source>
        <translation>invalid value "%1" for --cpus: expected a number of CPUs such as 0.5</translation>
    </message>
    <message>
        <source>invalid value "%1" for --cpu-weight: expected 1 to 10000</source>
        <translation>invalid value "%1" for --cpu-weight: expected 1 to 10000</translation>
    </message>
    <message>
        <source>invalid value "%1" for --pids-limit: expected a number of processes</source>
        <translation>invalid value "%1" for --pids-limit: expected a number of processes</translation>
    </message>
    <message>
        <source>Run the container in the background and print its ID</source>
        <translation>Run the container in the background and print its ID</translation>
    </message>
    <message>
        <source>Remove the container when it exits</source>
        <translation>Remove the container when it exits</translation>
    </message>
    <message>
        <source>Assign a name to the container</source>
        <translation>Assign a name to the container</translation>
    </message>
    <message>
        <source>Set environment variables (KEY=value)</source>
        <translation>Set environment variables (KEY=value)</translation>
    </message>
    <message>
        <source>Bind mount a host directory (/host:/container[:ro])</source>
        <translation>Bind mount a host directory (/host:/container[:ro])</translation>
    </message>
    <message>
        <source>Container host name</source>
        <translation>Container host name</translation>
    </message>
    <message>
        <source>Restart policy: no, on-failure[:max-retries], always</source>
        <translation>Restart policy: no, on-failure[:max-retries], always</translation>
    </message>
    <message>
        <source>Run an init inside the container that forwards signals and reaps processes</source>
        <translation>Run an init inside the container that forwards signals and reaps processes</translation>
    </message>
    <message>
        <source>Add Linux capabilities</source>
        <translation>Add Linux capabilities</translation>
    </message>
    <message>
        <source>Drop Linux capabilities</source>
        <translation>Drop Linux capabilities</translation>
    </message>
    <message>
        <source>Security options: seccomp=default|unconfined|/path/profile.json</source>
        <translation>Security options: seccomp=default|unconfined|/path/profile.json</translation>
    </message>
    <message>
        <source>Mount the container's root filesystem as read only</source>
        <translation>Mount the container's root filesystem as read only</translation>
    </message>
    <message>
        <source>Give extended privileges to this container (all capabilities, no seccomp)</source>
        <translation>Give extended privileges to this container (all capabilities, no seccomp)</translation>
    </message>
    <message>
        <source>User namespace: "private" maps root to an unprivileged range, "host" does not</source>
        <translation>User namespace: "private" maps root to an unprivileged range, "host" does not</translation>
    </message>
    <message>
        <source>invalid environment variable "%1": expected KEY=value</source>
        <translation>invalid environment variable "%1": expected KEY=value</translation>
    </message>
    <message>
        <source>invalid volume "%1": expected /host/path:/container/path[:ro]</source>
        <translation>invalid volume "%1": expected /host/path:/container/path[:ro]</translation>
    </message>
    <message>
        <source>invalid volume "%1": named volumes are not supported, give a host path</source>
        <translation>invalid volume "%1": named volumes are not supported, give a host path</translation>
    </message>
    <message>
        <source>invalid volume mode "%1" in "%2": use ro or rw</source>
        <translation>invalid volume mode "%1" in "%2": use ro or rw</translation>
    </message>
    <message>
        <source>invalid --security-opt "%1": supported is seccomp=default|unconfined|/path/profile.json</source>
        <translation>invalid --security-opt "%1": supported is seccomp=default|unconfined|/path/profile.json</translation>
    </message>
    <message>
        <source>invalid --userns "%1": use private or host</source>
        <translation>invalid --userns "%1": use private or host</translation>
    </message>
    <message>
        <source>Less than a second</source>
        <translation>Less than a second</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>About a minute</source>
        <translation>About a minute</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>About an hour</source>
        <translation>About an hour</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 ago</translation>
    </message>
    <message>
        <source>Stop one or more running containers</source>
        <translation>Stop one or more running containers</translation>
    </message>
    <message>
        <source>Pause all processes within one or more containers</source>
        <translation>Pause all processes within one or more containers</translation>
    </message>
    <message>
        <source>Return low-level information on containers</source>
        <translation>Return low-level information on containers</translation>
    </message>
    <message>
        <source>Update the resource limits of containers</source>
        <translation>Update the resource limits of containers</translation>
    </message>
    <message>
        <source>Display a live stream of resource usage</source>
        <translation>Display a live stream of resource usage</translation>
    </message>
    <message>
        <source>Show the version information</source>
        <translation>Show the version information</translation>
    </message>
    <message>
        <source>Usage:  onggictl [OPTIONS] COMMAND</source>
        <translation>Usage:  onggictl [OPTIONS] COMMAND</translation>
    </message>
    <message>
        <source>A container manager for your desktop: the command line of Onggi.</source>
        <translation>A container manager for your desktop: the command line of Onggi.</translation>
    </message>
    <message>
        <source>Helper socket (default $ONGGI_SOCKET or /run/onggi/helper.sock)</source>
        <translation>Helper socket (default $ONGGI_SOCKET or /run/onggi/helper.sock)</translation>
    </message>
    <message>
        <source>Print results as JSON</source>
        <translation>Print results as JSON</translation>
    </message>
    <message>
        <source>Show the protocol messages on stderr</source>
        <translation>Show the protocol messages on stderr</translation>
    </message>
    <message>
        <source>Print version information and quit</source>
        <translation>Print version information and quit</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Commands:</translation>
    </message>
    <message>
        <source>Run 'onggictl COMMAND --help' for more information on a command.</source>
        <translation>Run 'onggictl COMMAND --help' for more information on a command.</translation>
    </message>
    <message>
        <source>onggictl version %1, protocol %2</source>
        <translation>onggictl version %1, protocol %2</translation>
    </message>
    <message>
        <source>unknown flag: %1</source>
        <translation>unknown flag: %1</translation>
    </message>
    <message>
        <source>See 'onggictl --help'.</source>
        <translation>See 'onggictl --help'.</translation>
    </message>
    <message>
        <source>onggictl: '%1' is not an onggictl command.</source>
        <translation>onggictl: '%1' is not an onggictl command.</translation>
    </message>
    <message>
        <source>Detached from %1; it keeps running. Come back with: onggictl attach %1</source>
        <translation>Detached from %1; it keeps running. Come back with: onggictl attach %1</translation>
    </message>
    <message>
        <source>cannot read the seccomp profile %1: %2</source>
        <translation>cannot read the seccomp profile %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a seccomp profile (a JSON object of at most 512 KiB)</source>
        <translation>%1 is not a seccomp profile (a JSON object of at most 512 KiB)</translation>
    </message>
    <message>
        <source>(older lines of this log were deleted by rotation: %1 bytes)</source>
        <translation>(older lines of this log were deleted by rotation: %1 bytes)</translation>
    </message>
    <message>
        <source>Log options: max-size=10m, max-file=3</source>
        <translation>Log options: max-size=10m, max-file=3</translation>
    </message>
    <message>
        <source>invalid --log-opt "%1": supported are max-size=SIZE and max-file=N</source>
        <translation>invalid --log-opt "%1": supported are max-size=SIZE and max-file=N</translation>
    </message>
    <message>
        <source>network create [OPTIONS] NETWORK</source>
        <translation>network create [OPTIONS] NETWORK</translation>
    </message>
    <message>
        <source>Create a network</source>
        <translation>Create a network</translation>
    </message>
    <message>
        <source>Subnet in CIDR form (default: a free 10.89.N.0/24)</source>
        <translation>Subnet in CIDR form (default: a free 10.89.N.0/24)</translation>
    </message>
    <message>
        <source>The bridge's address (default: the subnet's first)</source>
        <translation>The bridge's address (default: the subnet's first)</translation>
    </message>
    <message>
        <source>network ls [OPTIONS]</source>
        <translation>network ls [OPTIONS]</translation>
    </message>
    <message>
        <source>List networks</source>
        <translation>List networks</translation>
    </message>
    <message>
        <source>Only show network names</source>
        <translation>Only show network names</translation>
    </message>
    <message>
        <source>BRIDGE</source>
        <translation>BRIDGE</translation>
    </message>
    <message>
        <source>SUBNET</source>
        <translation>SUBNET</translation>
    </message>
    <message>
        <source>GATEWAY</source>
        <translation>GATEWAY</translation>
    </message>
    <message>
        <source>CONTAINERS</source>
        <translation>CONTAINERS</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (default)</translation>
    </message>
    <message>
        <source>network inspect NETWORK [NETWORK...]</source>
        <translation>network inspect NETWORK [NETWORK...]</translation>
    </message>
    <message>
        <source>Display detailed information on networks</source>
        <translation>Display detailed information on networks</translation>
    </message>
    <message>
        <source>network rm NETWORK [NETWORK...]</source>
        <translation>network rm NETWORK [NETWORK...]</translation>
    </message>
    <message>
        <source>Remove networks</source>
        <translation>Remove networks</translation>
    </message>
    <message>
        <source>network connect NETWORK CONTAINER</source>
        <translation>network connect NETWORK CONTAINER</translation>
    </message>
    <message>
        <source>network disconnect NETWORK CONTAINER</source>
        <translation>network disconnect NETWORK CONTAINER</translation>
    </message>
    <message>
        <source>Connect a container to a network</source>
        <translation>Connect a container to a network</translation>
    </message>
    <message>
        <source>Disconnect a container from a network</source>
        <translation>Disconnect a container from a network</translation>
    </message>
    <message>
        <source>Usage:  onggictl network COMMAND</source>
        <translation>Usage:  onggictl network COMMAND</translation>
    </message>
    <message>
        <source>Manage networks</source>
        <translation>Manage networks</translation>
    </message>
    <message>
        <source>onggictl network: unknown command "%1"</source>
        <translation>onggictl network: unknown command "%1"</translation>
    </message>
    <message>
        <source>Network: a network's name, bridge (the default network), private (loopback only), none, host</source>
        <translation>Network: a network's name, bridge (the default network), private (loopback only), none, host</translation>
    </message>
    <message>
        <source>Publish a container's port to the host ([ip:][hostPort:]containerPort[/tcp|/udp])</source>
        <translation>Publish a container's port to the host ([ip:][hostPort:]containerPort[/tcp|/udp])</translation>
    </message>
    <message>
        <source>Publish every exposed port to a free host port</source>
        <translation>Publish every exposed port to a free host port</translation>
    </message>
    <message>
        <source>Expose a port (port[/tcp|/udp]) for --publish-all</source>
        <translation>Expose a port (port[/tcp|/udp]) for --publish-all</translation>
    </message>
    <message>
        <source>IPv4 address on the container's network</source>
        <translation>IPv4 address on the container's network</translation>
    </message>
    <message>
        <source>Name servers for the container instead of the host's</source>
        <translation>Name servers for the container instead of the host's</translation>
    </message>
    <message>
        <source>Add a line to the container's /etc/hosts (name:ip)</source>
        <translation>Add a line to the container's /etc/hosts (name:ip)</translation>
    </message>
    <message>
        <source>invalid --network "": give a network's name, bridge, private, host or none</source>
        <translation>invalid --network "": give a network's name, bridge, private, host or none</translation>
    </message>
    <message>
        <source>invalid %1 "%2": ports are 1 to 65535</source>
        <translation>invalid %1 "%2": ports are 1 to 65535</translation>
    </message>
    <message>
        <source>invalid %1 "%2": the protocol is tcp or udp</source>
        <translation>invalid %1 "%2": the protocol is tcp or udp</translation>
    </message>
    <message>
        <source>invalid %1 "%2": not an IPv4 address</source>
        <translation>invalid %1 "%2": not an IPv4 address</translation>
    </message>
    <message>
        <source>invalid %1 "%2": expected [ip:][hostPort:]containerPort[/tcp|/udp]</source>
        <translation>invalid %1 "%2": expected [ip:][hostPort:]containerPort[/tcp|/udp]</translation>
    </message>
    <message>
        <source>invalid --add-host "%1": expected name:ip</source>
        <translation>invalid --add-host "%1": expected name:ip</translation>
    </message>
    <message>
        <source>history [OPTIONS] IMAGE</source>
        <translation>history [OPTIONS] IMAGE</translation>
    </message>
    <message>
        <source>Show the history of an image</source>
        <translation>Show the history of an image</translation>
    </message>
    <message>
        <source>LAYER</source>
        <translation>LAYER</translation>
    </message>
    <message>
        <source>CREATED BY</source>
        <translation>CREATED BY</translation>
    </message>
    <message>
        <source>COMMENT</source>
        <translation>COMMENT</translation>
    </message>
    <message>
        <source>image inspect IMAGE [IMAGE...]</source>
        <translation>image inspect IMAGE [IMAGE...]</translation>
    </message>
    <message>
        <source>Display detailed information on one or more images</source>
        <translation>Display detailed information on one or more images</translation>
    </message>
    <message>
        <source>SHARED SIZE</source>
        <translation>SHARED SIZE</translation>
    </message>
    <message>
        <source>Pulling %1</source>
        <translation>Pulling %1</translation>
    </message>
    <message>
        <source>pull [OPTIONS] NAME[:TAG|@DIGEST]</source>
        <translation>pull [OPTIONS] NAME[:TAG|@DIGEST]</translation>
    </message>
    <message>
        <source>Download an image from a registry</source>
        <translation>Download an image from a registry</translation>
    </message>
    <message>
        <source>Suppress verbose output</source>
        <translation>Suppress verbose output</translation>
    </message>
    <message>
        <source>Registry user name (for this pull only)</source>
        <translation>Registry user name (for this pull only)</translation>
    </message>
    <message>
        <source>Read the registry password from stdin</source>
        <translation>Read the registry password from stdin</translation>
    </message>
    <message>
        <source>--password-stdin needs --username</source>
        <translation>--password-stdin needs --username</translation>
    </message>
    <message>
        <source>Digest: %1</source>
        <translation>Digest: %1</translation>
    </message>
    <message>
        <source>Status: Downloaded %1</source>
        <translation>Status: Downloaded %1</translation>
    </message>
    <message>
        <source>Unable to find image '%1' locally</source>
        <translation>Unable to find image '%1' locally</translation>
    </message>
    <message>
        <source>invalid value "%1" for --%2: expected DEVICE:RATE, e.g. /dev/sda:1mb</source>
        <translation>invalid value "%1" for --%2: expected DEVICE:RATE, e.g. /dev/sda:1mb</translation>
    </message>
    <message>
        <source>invalid value "%1" for --%2: %3 is not a block device</source>
        <translation>invalid value "%1" for --%2: %3 is not a block device</translation>
    </message>
    <message>
        <source>invalid rate "%1" for --%2: use a size per second such as 1mb</source>
        <translation>invalid rate "%1" for --%2: use a size per second such as 1mb</translation>
    </message>
    <message>
        <source>invalid rate "%1" for --%2: use a number of operations per second</source>
        <translation>invalid rate "%1" for --%2: use a number of operations per second</translation>
    </message>
    <message>
        <source>Memory soft limit: protected from reclaim (cgroup v2 memory.low, v1 soft limit)</source>
        <translation>Memory soft limit: protected from reclaim (cgroup v2 memory.low, v1 soft limit)</translation>
    </message>
    <message>
        <source>Limit read rate (bytes per second) from a device (e.g. /dev/sda:1mb)</source>
        <translation>Limit read rate (bytes per second) from a device (e.g. /dev/sda:1mb)</translation>
    </message>
    <message>
        <source>Limit write rate (bytes per second) to a device (e.g. /dev/sda:1mb)</source>
        <translation>Limit write rate (bytes per second) to a device (e.g. /dev/sda:1mb)</translation>
    </message>
    <message>
        <source>Limit read rate (operations per second) from a device (e.g. /dev/sda:100)</source>
        <translation>Limit read rate (operations per second) from a device (e.g. /dev/sda:100)</translation>
    </message>
    <message>
        <source>Limit write rate (operations per second) to a device (e.g. /dev/sda:100)</source>
        <translation>Limit write rate (operations per second) to a device (e.g. /dev/sda:100)</translation>
    </message>
    <message>
        <source>Usage: onggictl image inspect|history|pull|ls|rm|tag|prune ...</source>
        <translation>Usage: onggictl image inspect|history|pull|ls|rm|tag|prune ...</translation>
    </message>
    <message>
        <source>image prune [OPTIONS]</source>
        <translation>image prune [OPTIONS]</translation>
    </message>
    <message>
        <source>Remove unused images, layers and blobs</source>
        <translation>Remove unused images, layers and blobs</translation>
    </message>
    <message>
        <source>Remove all images not used by a container, not just dangling ones</source>
        <translation>Remove all images not used by a container, not just dangling ones</translation>
    </message>
    <message>
        <source>Do not prompt for confirmation (accepted for docker's scripts; onggictl never prompts)</source>
        <translation>Do not prompt for confirmation (accepted for docker's scripts; onggictl never prompts)</translation>
    </message>
    <message>
        <source>Deleted Images:</source>
        <translation>Deleted Images:</translation>
    </message>
    <message>
        <source>deleted: %1</source>
        <translation>deleted: %1</translation>
    </message>
    <message>
        <source>Total reclaimed space: %1</source>
        <translation>Total reclaimed space: %1</translation>
    </message>
    <message>
        <source>system df [OPTIONS]</source>
        <translation>system df [OPTIONS]</translation>
    </message>
    <message>
        <source>Show disk usage</source>
        <translation>Show disk usage</translation>
    </message>
    <message>
        <source>Show the size of each container</source>
        <translation>Show the size of each container</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYPE</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <source>ACTIVE</source>
        <translation>ACTIVE</translation>
    </message>
    <message>
        <source>RECLAIMABLE</source>
        <translation>RECLAIMABLE</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Containers</translation>
    </message>
    <message>
        <source>Usage: onggictl system df</source>
        <translation>Usage: onggictl system df</translation>
    </message>
    <message>
        <source>tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]</source>
        <translation>tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]</translation>
    </message>
    <message>
        <source>Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE</source>
        <translation>Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE</translation>
    </message>
    <message>
        <source>Manage images (inspect, history, pull, ls, rm, tag, prune)</source>
        <translation>Manage images (inspect, history, pull, ls, rm, tag, prune)</translation>
    </message>
    <message>
        <source>Manage Onggi (df: disk usage)</source>
        <translation>Manage Onggi (df: disk usage)</translation>
    </message>
    <message>
        <source>Unused layers removed: %1</source>
        <translation>Unused layers removed: %1</translation>
    </message>
    <message>
        <source>Unused blobs removed: %1</source>
        <translation>Unused blobs removed: %1</translation>
    </message>
    <message>
        <source>load -i FILE</source>
        <translation>load -i FILE</translation>
    </message>
    <message>
        <source>Load images from a tar archive (docker save or OCI layout)</source>
        <translation>Load images from a tar archive (docker save or OCI layout)</translation>
    </message>
    <message>
        <source>Read from this file</source>
        <translation>Read from this file</translation>
    </message>
    <message>
        <source>load: name the archive with -i FILE</source>
        <translation>load: name the archive with -i FILE</translation>
    </message>
    <message>
        <source>Loaded image ID: %1</source>
        <translation>Loaded image ID: %1</translation>
    </message>
    <message>
        <source>Loaded image: %1</source>
        <translation>Loaded image: %1</translation>
    </message>
    <message>
        <source>save -o FILE IMAGE [IMAGE...]</source>
        <translation>save -o FILE IMAGE [IMAGE...]</translation>
    </message>
    <message>
        <source>Save one or more images to a tar archive (docker save and OCI layout)</source>
        <translation>Save one or more images to a tar archive (docker save and OCI layout)</translation>
    </message>
    <message>
        <source>Write to this file</source>
        <translation>Write to this file</translation>
    </message>
    <message>
        <source>save: name the archive with -o FILE</source>
        <translation>save: name the archive with -o FILE</translation>
    </message>
    <message>
        <source>Note: the layers were packed anew, so the saved image has the ID %1.</source>
        <translation>Note: the layers were packed anew, so the saved image has the ID %1.</translation>
    </message>
    <message>
        <source>commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]</source>
        <translation>commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]</translation>
    </message>
    <message>
        <source>Create a new image from a container's changes</source>
        <translation>Create a new image from a container's changes</translation>
    </message>
    <message>
        <source>Commit message</source>
        <translation>Commit message</translation>
    </message>
    <message>
        <source>port CONTAINER [PRIVATE_PORT[/PROTO]]</source>
        <translation>port CONTAINER [PRIVATE_PORT[/PROTO]]</translation>
    </message>
    <message>
        <source>List port mappings or a specific mapping for the container</source>
        <translation>List port mappings or a specific mapping for the container</translation>
    </message>
    <message>
        <source>invalid port '%1': expected PORT[/tcp|/udp]</source>
        <translation>invalid port '%1': expected PORT[/tcp|/udp]</translation>
    </message>
    <message>
        <source>Filter output: container=&lt;name or id&gt;, type=container or type=image</source>
        <translation>Filter output: container=&lt;name or id&gt;, type=container or type=image</translation>
    </message>
    <message>
        <source>invalid filter "%1": supported are container=&lt;name or id&gt;, type=container and type=image</source>
        <translation>invalid filter "%1": supported are container=&lt;name or id&gt;, type=container and type=image</translation>
    </message>
    <message>
        <source>no public port '%1' published for %2</source>
        <translation>no public port '%1' published for %2</translation>
    </message>
</context>
</TS>
