# Korean for the strings of gui/ (source text -> translation). Used by fill.py.
# Written for teaching: the usual Korean terms for kernel concepts, explained in full sentences.
KO = {
# charts
'Time &window:': '시간 범위(&W):',
'1 minute': '1분',
'5 minutes': '5분',
'15 minutes': '15분',
'CPU (% of one core)': 'CPU (코어 1개 기준 %)',
'Memory': '메모리',
'Disk I/O': '디스크 I/O',
'Processes (PIDs)': '프로세스 수 (PID)',
'Network': '네트워크',
# container list
'created': '생성됨',
'running': '실행 중',
'paused': '일시 정지됨',
'exited': '종료됨',
'exited (%1, OOM killed)': '종료됨 (%1, OOM으로 강제 종료)',
'exited (%1)': '종료됨 (%1)',
'%1 / %2': '%1 / %2',
'%1 / unlimited': '%1 / 무제한',
'ID %1\nCommand: %2': 'ID %1\n명령: %2',
'Name': '이름',
'Image': '이미지',
'State': '상태',
'CPU': 'CPU',
'PIDs': 'PID 수',
'Uptime': '실행 시간',
# container page
'Charts': '차트',
'Limits': '자원 제한',
'Logs': '로그',
'Processes': '프로세스',
'Inspect': '상세 정보',
'Learn': '배우기',
"The container's OCI runtime configuration (config.json), as runc or crun would read it":
    '이 컨테이너의 OCI 런타임 설정(config.json)입니다. runc나 crun도 똑같이 읽을 수 있는 형식입니다',
'How this container is made: namespaces, control groups and layers, with its real values':
    '이 컨테이너가 어떻게 만들어졌는지 네임스페이스, 컨트롤 그룹, 레이어의 실제 값으로 보여 줍니다',
'<b>No container selected.</b> Choose one in the list, or create one with New.':
    '<b>선택한 컨테이너가 없습니다.</b> 목록에서 하나를 고르거나 [새로 만들기]로 만들어 보세요.',
"<b>%1</b> &nbsp; %2 &nbsp; <span style='color:#666'>%3 · %4 · %5</span>":
    "<b>%1</b> &nbsp; %2 &nbsp; <span style='color:#666'>%3 · %4 · %5</span>",
# create dialog
'Choose an image, for example busybox.': '이미지를 고르세요. 예: busybox',
"The name may use letters, digits, '_', '.' and '-', must start with a letter or digit, and is at most 64 characters long.":
    "이름에는 영문자, 숫자, '_', '.', '-'만 쓸 수 있고, 영문자나 숫자로 시작해야 하며, 64자를 넘을 수 없습니다.",
'The command has an unclosed quote.': '명령에 닫히지 않은 따옴표가 있습니다.',
"The hostname must be letters, digits and '-', in labels of at most 63 characters separated by dots.":
    "호스트 이름은 영문자, 숫자, '-'로 이루어진 63자 이하의 이름들을 점(.)으로 이어 쓴 것이어야 합니다.",
'The working directory must be an absolute path.': '작업 디렉터리는 /로 시작하는 절대 경로여야 합니다.',
'Environment line %1 is not NAME=value: %2': '환경 변수 %1번째 줄이 이름=값 형식이 아닙니다: %2',
'A memory limit below 6 MiB leaves too little for the container to start.':
    '메모리 제한이 6 MiB보다 작으면 컨테이너가 시작하기에도 모자랍니다.',
'Memory high must not be above the memory limit.': '메모리 high 값은 메모리 제한보다 클 수 없습니다.',
'Memory + swap needs a memory limit and must be at least as large as it.':
    '메모리 + 스왑 값을 쓰려면 메모리 제한도 정해야 하고, 그 값은 메모리 제한 이상이어야 합니다.',
'Unknown capability name: %1': '알 수 없는 케이퍼빌리티(capability) 이름입니다: %1',
'A privileged container cannot also use a user namespace here; choose one.':
    '특권(privileged) 컨테이너와 사용자 네임스페이스는 함께 쓸 수 없습니다. 하나만 고르세요.',
'New container': '새 컨테이너',
'General': '일반',
'Namespaces': '네임스페이스',
'Security': '보안',
'&Image:': '이미지(&I):',
'&Command:': '명령(&C):',
'&Name:': '이름(&N):',
'&Hostname:': '호스트 이름(&H):',
'&Working directory:': '작업 디렉터리(&W):',
'&Environment:': '환경 변수(&E):',
'&Restart:': '다시 시작(&R):',
"the image's default, e.g. sh -c 'while true; do date; sleep 1; done'":
    "비워 두면 이미지의 기본 명령. 예: sh -c 'while true; do date; sleep 1; done'",
'generated when empty': '비워 두면 자동으로 지어 줍니다',
"the container's name": '비워 두면 컨테이너 이름',
'one NAME=value per line': '한 줄에 하나씩 이름=값',
'&Volumes:': '볼륨(&V):',
'one /host/path:/container/path[:ro] per line': '한 줄에 하나씩 /호스트/경로:/컨테이너/경로[:ro]',
'Volume line %1 is not /host/path:/container/path, optionally followed by :ro: %2': '볼륨 %1번째 줄이 /호스트/경로:/컨테이너/경로 (뒤에 :ro 가능) 형식이 아닙니다: %2',
'never': '하지 않음',
'when it fails': '실패했을 때',
'always': '항상',
'&Start the container after creating it': '만든 뒤 바로 시작(&S)',
"The image provides the container's root filesystem as read-only layers; the container writes to its own upper layer on top (overlay filesystem).":
    '이미지는 컨테이너의 루트 파일시스템을 읽기 전용 레이어로 제공합니다. 컨테이너가 쓰는 내용은 그 위에 얹힌 자기만의 상위(upper) 레이어에 기록됩니다(오버레이 파일시스템).',
'The name the container sees in its own UTS namespace (uname -n).':
    '컨테이너가 자기 UTS 네임스페이스 안에서 보게 되는 호스트 이름입니다(uname -n).',
'unlimited': '무제한',
'CP&U (cores):': 'CPU(&U) (코어):',
'CPU &weight:': 'CPU 가중치(&W):',
'&Memory:': '메모리(&M):',
'Memory &high:': '메모리 high(&H):',
'Memory + s&wap:': '메모리 + 스왑(&W):',
'&Processes:': '프로세스 수(&P):',
' MiB': ' MiB',
'CPU time per 100 ms period (cgroup v1 cpu.cfs_quota_us, v2 cpu.max).':
    '100 ms 주기마다 쓸 수 있는 CPU 시간입니다 (cgroup v1 cpu.cfs_quota_us, v2 cpu.max).',
'Relative share under contention (cgroup v1 cpu.shares, v2 cpu.weight).':
    'CPU를 두고 경쟁할 때 받는 상대적인 몫입니다 (cgroup v1 cpu.shares, v2 cpu.weight).',
'Hard limit; the OOM killer acts above it (cgroup v1 memory.limit_in_bytes, v2 memory.max).':
    '넘을 수 없는 한도입니다. 넘으면 OOM 킬러가 나섭니다 (cgroup v1 memory.limit_in_bytes, v2 memory.max).',
'Throttling threshold (cgroup v2 memory.high).': '이 값을 넘으면 메모리 할당을 늦추고 회수합니다 (cgroup v2 memory.high).',
"Needs the cgroup v2 memory controller; this host's is on cgroup v1.":
    'cgroup v2의 메모리 컨트롤러가 필요한데, 이 호스트의 메모리 컨트롤러는 cgroup v1에 있습니다.',
'Memory plus swap (cgroup v1 memory.memsw.limit_in_bytes, v2 memory.swap.max).':
    '메모리와 스왑을 합친 한도입니다 (cgroup v1 memory.memsw.limit_in_bytes, v2 memory.swap.max).',
'Most processes and threads (pids.max).': '만들 수 있는 프로세스와 스레드의 최대 개수입니다 (pids.max).',
'Ne&twork:': '네트워크(&T):',
'private (own network namespace, loopback only)': '독립 (자기 네트워크 네임스페이스, 루프백만)',
"host (share the host's network)": '호스트 (호스트의 네트워크를 함께 씀)',
'none (own namespace, no interfaces up)': '없음 (자기 네임스페이스, 켜진 인터페이스 없음)',
"&PID namespace: the container's first process is PID 1 and sees only its own processes":
    'PID 네임스페이스(&P): 컨테이너의 첫 프로세스가 PID 1이 되고, 자기 프로세스만 볼 수 있습니다',
'&IPC namespace: own System V IPC and POSIX message queues':
    'IPC 네임스페이스(&I): System V IPC와 POSIX 메시지 큐를 따로 가집니다',
'&UTS namespace: own hostname': 'UTS 네임스페이스(&U): 호스트 이름을 따로 가집니다',
"&Cgroup namespace: /proc/self/cgroup shows the container's cgroup as the root":
    'cgroup 네임스페이스(&C): /proc/self/cgroup에서 컨테이너의 cgroup이 루트(/)로 보입니다',
'T&ime namespace: own monotonic and boot clocks': '시간 네임스페이스(&I): monotonic 시계와 부팅 시계를 따로 가집니다',
'U&ser namespace: root inside is an unprivileged user outside':
    '사용자 네임스페이스(&S): 안에서는 root이지만 밖에서는 권한 없는 사용자입니다',
'&Seccomp:': 'seccomp(&S):',
'default profile (blocks dangerous system calls)': '기본 프로파일 (위험한 시스템 콜을 막음)',
'unconfined (no system call filter)': '제한 없음 (시스템 콜 필터 없음)',
'&Drop capabilities:': '뺄 케이퍼빌리티(&D):',
'&Add capabilities:': '더할 케이퍼빌리티(&A):',
'e.g. NET_RAW, SYS_CHROOT': '예: NET_RAW, SYS_CHROOT',
'e.g. NET_ADMIN': '예: NET_ADMIN',
'&Read-only root filesystem': '루트 파일시스템을 읽기 전용으로(&R)',
'&Privileged (all capabilities, no seccomp: unsafe)': '특권 모드(&P) (모든 케이퍼빌리티, seccomp 없음: 위험)',
# helper absent page
'&Try again': '다시 시도(&T)',
'Connecting to the Onggi service…': '옹기 서비스에 연결하는 중…',
'Onggi talks to onggi-helper, a small service that runs as root and creates containers on its behalf, through %1.':
    '옹기는 %1을(를) 통해 onggi-helper와 이야기합니다. onggi-helper는 root 권한으로 실행되며 옹기를 대신해 컨테이너를 만드는 작은 서비스입니다.',
'The Onggi service is not running': '옹기 서비스가 실행되고 있지 않습니다',
'Nothing answers at %1. Containers need root to create namespaces and control groups, so Onggi leaves that to onggi-helper, a system service. Start it, and this window connects by itself.':
    '%1에서 아무도 응답하지 않습니다. 네임스페이스와 컨트롤 그룹(cgroup)을 만들려면 root 권한이 필요해서, 옹기는 그 일을 시스템 서비스인 onggi-helper에게 맡깁니다. 서비스를 시작하면 이 창이 알아서 연결됩니다.',
'sudo systemctl start onggi-helper\n# start it at every boot:\nsudo systemctl enable onggi-helper':
    'sudo systemctl start onggi-helper\n# 부팅할 때마다 자동으로 시작하려면:\nsudo systemctl enable onggi-helper',
'You are not allowed to use the Onggi service': '옹기 서비스를 사용할 권한이 없습니다',
'onggi-helper accepts root and the members of the group "onggi" only, because whoever controls containers can act as root on this machine. Join the group, then log out and in again so that your session has the new group.':
    'onggi-helper는 root와 "onggi" 그룹의 구성원만 받아들입니다. 컨테이너를 다룰 수 있으면 이 컴퓨터에서 root처럼 행동할 수 있기 때문입니다. 그룹에 가입한 다음, 로그아웃했다가 다시 로그인해야 새 그룹이 세션에 반영됩니다.',
'sudo usermod -aG onggi $USER\n# then log out and log in again (or run: newgrp onggi)':
    'sudo usermod -aG onggi $USER\n# 그런 다음 로그아웃했다가 다시 로그인하세요 (또는 newgrp onggi 실행)',
'The Onggi service speaks another protocol version': '옹기 서비스의 프로토콜 버전이 다릅니다',
'This app and onggi-helper come from different versions. Install matching versions and restart the service.':
    '이 앱과 onggi-helper의 버전이 서로 다릅니다. 같은 버전을 설치하고 서비스를 다시 시작하세요.',
'sudo systemctl restart onggi-helper': 'sudo systemctl restart onggi-helper',
'The connection to the Onggi service was lost': '옹기 서비스와의 연결이 끊어졌습니다',
'onggi-helper stopped or restarted. Your containers keep running: each has its own supervisor. Onggi reconnects as soon as the service is back.':
    'onggi-helper가 멈췄거나 다시 시작되었습니다. 컨테이너마다 감시 프로세스(shim)가 따로 있어서 컨테이너는 계속 실행됩니다. 서비스가 돌아오면 옹기가 바로 다시 연결합니다.',
'sudo systemctl status onggi-helper': 'sudo systemctl status onggi-helper',
'Details: %1': '자세한 내용: %1',
# learn panel
"process IDs: the container's first process is PID 1 and it cannot see host processes":
    '프로세스 ID: 컨테이너의 첫 프로세스가 PID 1이 되고, 호스트의 프로세스는 보이지 않습니다',
'mount points: the container has its own root filesystem (pivot_root)':
    '마운트 지점: 컨테이너는 자기만의 루트 파일시스템을 가집니다 (pivot_root)',
'network devices, addresses, routes and ports': '네트워크 장치, 주소, 라우팅 표, 포트',
'hostname and domain name': '호스트 이름과 도메인 이름',
'System V IPC and POSIX message queues': 'System V IPC와 POSIX 메시지 큐',
'the view of /proc/self/cgroup: its own group looks like the root': '/proc/self/cgroup에서 보이는 모습: 자기 그룹이 루트처럼 보입니다',
'user and group IDs: root inside can be an ordinary user outside': '사용자·그룹 ID: 안의 root가 밖에서는 평범한 사용자일 수 있습니다',
'the monotonic and boot-time clocks': 'monotonic 시계와 부팅 이후 시간 시계',
'Select a running container to see how it is built from namespaces, control groups and layers.':
    '실행 중인 컨테이너를 고르면, 그 컨테이너가 네임스페이스, 컨트롤 그룹, 레이어로 어떻게 이루어져 있는지 보여 드립니다.',
'How "%1" is built': '"%1" 컨테이너는 이렇게 만들어져 있습니다',
'A container is not a virtual machine: it is ordinary processes on this kernel, isolated by namespaces, limited by control groups and given their own root filesystem made of layers.':
    '컨테이너는 가상 머신이 아닙니다. 이 커널 위에서 도는 평범한 프로세스인데, 네임스페이스로 격리하고, 컨트롤 그룹(cgroup)으로 자원을 제한하고, 레이어를 쌓아 만든 자기만의 루트 파일시스템을 준 것입니다.',
'1. Namespaces: what the container can see': '1. 네임스페이스: 컨테이너가 볼 수 있는 것',
'Each namespace gives the processes inside their own copy of one kind of kernel resource. The kernel names a namespace by an inode number; two processes share a namespace exactly when the numbers match.':
    '네임스페이스는 안에 있는 프로세스들에게 커널 자원 한 종류를 따로 떼어 줍니다. 커널은 네임스페이스를 inode 번호로 구별하는데, 두 프로세스의 번호가 같으면 같은 네임스페이스를 쓰는 것입니다.',
'The container is not running, so it has no namespaces right now.': '컨테이너가 실행 중이 아니어서 지금은 네임스페이스가 없습니다.',
'Namespace': '네임스페이스',
'Container (%1)': '컨테이너 (%1)',
'This app (/proc/self/ns)': '이 앱 (/proc/self/ns)',
'Isolates': '격리하는 것',
'(shared with the host)': '(호스트와 같음)',
'(separate)': '(따로 있음)',
'Try it: sudo ls -l /proc/%1/ns and compare with ls -l /proc/self/ns; sudo nsenter -t %1 -p -m ps enters them.':
    '직접 해 보세요: sudo ls -l /proc/%1/ns 결과를 ls -l /proc/self/ns와 비교해 보고, sudo nsenter -t %1 -p -m ps로 그 네임스페이스에 들어가 볼 수 있습니다.',
'2. Control groups (cgroups): what the container may use': '2. 컨트롤 그룹(cgroup): 컨테이너가 쓸 수 있는 만큼',
"The kernel counts and limits CPU, memory, I/O and processes per control group. Onggi put this container's processes in %1 and writes its limits to files there; the charts read the same files.":
    '커널은 CPU, 메모리, I/O, 프로세스 수를 컨트롤 그룹 단위로 세고 제한합니다. 옹기는 이 컨테이너의 프로세스를 %1 그룹에 넣고, 제한 값을 그곳의 파일에 씁니다. 차트도 같은 파일을 읽어서 그립니다.',
'This host uses cgroup v2: one unified tree, all controllers in one directory.':
    '이 호스트는 cgroup v2를 씁니다. 하나로 합쳐진 트리에서 모든 컨트롤러가 한 디렉터리에 있습니다.',
'This host uses cgroup v1 (mode: %1): one tree per controller, so the same group appears under memory/, cpu/, pids/ ...':
    '이 호스트는 cgroup v1을 씁니다 (모드: %1). 컨트롤러마다 트리가 따로 있어서 같은 그룹이 memory/, cpu/, pids/ … 아래에 각각 나타납니다.',
'File': '파일',
'Value': '값',
'Meaning': '뜻',
'memory limit': '메모리 제한',
'memory in use now': '지금 쓰고 있는 메모리',
'quota and period in microseconds': '할당량과 주기 (마이크로초)',
'CPU time allowed per period of cpu.cfs_period_us (100000 µs)': 'cpu.cfs_period_us 주기(100000 µs)마다 쓸 수 있는 CPU 시간',
'most processes': '최대 프로세스 수',
'processes now': '지금 프로세스 수',
'OOM kills so far (oom_kill)': '지금까지 OOM으로 강제 종료된 횟수 (oom_kill)',
'Try it: move the memory slider in Limits and run cat %1 again.':
    '직접 해 보세요: [자원 제한] 탭에서 메모리 슬라이더를 움직인 뒤 cat %1을(를) 다시 실행해 보세요.',
"3. Layers: the container's files": '3. 레이어: 컨테이너의 파일',
"The image's layers are shared read-only by every container that uses them. The overlay filesystem stacks them under one writable upper directory of this container: a changed file is copied up, a deleted one is hidden by a whiteout. The merged view is what the container sees as /.":
    '이미지의 레이어는 그 이미지를 쓰는 모든 컨테이너가 읽기 전용으로 함께 씁니다. 오버레이 파일시스템(overlayfs)은 그 위에 이 컨테이너만의 쓰기 가능한 상위 디렉터리를 하나 얹습니다. 파일을 고치면 상위로 복사(copy-up)되고, 지우면 화이트아웃(whiteout) 파일이 가립니다. 이렇게 합쳐진(merged) 모습이 컨테이너가 보는 /입니다.',
'lower (read-only):': '하위 레이어 (읽기 전용):',
"upper (this container's changes):": '상위 레이어 (이 컨테이너가 바꾼 내용):',
'merged (its /):': '합쳐진 모습 (컨테이너의 /):',
'4. Capabilities and seccomp: what root inside may do': '4. 케이퍼빌리티와 seccomp: 안의 root가 할 수 있는 일',
# limits panel
'The container uses %1 now, more than the new limit of %2. The kernel will first try to reclaim memory (page cache, swap); if that is not enough, the OOM killer may end processes in the container.':
    '컨테이너가 지금 %1을(를) 쓰고 있어 새 제한 %2보다 많습니다. 커널은 먼저 메모리를 회수하려고(페이지 캐시, 스왑) 하고, 그래도 모자라면 OOM 킬러가 컨테이너 안의 프로세스를 강제로 끝낼 수 있습니다.',
"Changes apply at once to the running container's control group (cgroup) and are kept for its next start. Watch the charts to see the effect.":
    '바꾼 값은 실행 중인 컨테이너의 컨트롤 그룹(cgroup)에 바로 적용되고, 다음에 시작할 때도 그대로 쓰입니다. 차트에서 효과를 확인해 보세요.',
'cores': '코어',
"How much CPU time the container may use, in cores: 0.5 means half of one core. The kernel's CFS bandwidth control lets the group run for a quota of time in every 100 ms period and then throttles it.\ncgroup v1: cpu.cfs_quota_us / cpu.cfs_period_us\ncgroup v2: cpu.max":
    '컨테이너가 쓸 수 있는 CPU 시간을 코어 단위로 정합니다. 0.5는 코어 하나의 절반입니다. 커널의 CFS 대역폭 제어는 100 ms 주기마다 할당량만큼만 그룹을 실행하고, 다 쓰면 다음 주기까지 멈춰 세웁니다(스로틀링).\ncgroup v1: cpu.cfs_quota_us / cpu.cfs_period_us\ncgroup v2: cpu.max',
'CPU weight': 'CPU 가중치',
"The container's share of CPU time when several groups compete for it (default 100). It limits nothing while CPUs are idle.\ncgroup v1: cpu.shares (weight × 1024 / 100)\ncgroup v2: cpu.weight":
    '여러 그룹이 CPU를 두고 경쟁할 때 이 컨테이너가 받는 몫입니다(기본값 100). CPU가 놀고 있을 때는 아무것도 제한하지 않습니다.\ncgroup v1: cpu.shares (가중치 × 1024 / 100)\ncgroup v2: cpu.weight',
'MiB': 'MiB',
"The hard memory limit. Above it the kernel reclaims the group's memory, and when nothing more can be reclaimed the OOM killer ends a process in the container.\ncgroup v1: memory.limit_in_bytes\ncgroup v2: memory.max":
    '넘을 수 없는 메모리 한도입니다. 이 값에 닿으면 커널이 그룹의 메모리를 회수하고, 더 회수할 것이 없으면 OOM 킬러가 컨테이너 안의 프로세스 하나를 강제로 끝냅니다.\ncgroup v1: memory.limit_in_bytes\ncgroup v2: memory.max',
"The soft ceiling: above it the kernel throttles the group's allocations and reclaims memory hard, but never kills.\ncgroup v1: (none)\ncgroup v2: memory.high":
    '부드러운 상한입니다. 이 값을 넘으면 커널이 그룹의 메모리 할당을 늦추고 적극적으로 회수하지만, 프로세스를 죽이지는 않습니다.\ncgroup v1: (없음)\ncgroup v2: memory.high',
'Not available here: the memory controller of this host is on cgroup v1.': '여기서는 쓸 수 없습니다: 이 호스트의 메모리 컨트롤러는 cgroup v1에 있습니다.',
'Memory high': '메모리 high',
'Memory + swap': '메모리 + 스왑',
'Memory plus swap together, as in docker --memory-swap; it must be at least the memory limit.\ncgroup v1: memory.memsw.limit_in_bytes\ncgroup v2: memory.swap.max (swap only: this value minus the memory limit)':
    'docker의 --memory-swap처럼 메모리와 스왑을 합친 한도입니다. 메모리 제한 이상이어야 합니다.\ncgroup v1: memory.memsw.limit_in_bytes\ncgroup v2: memory.swap.max (스왑만 따로: 이 값에서 메모리 제한을 뺀 값)',
'The most processes and threads the container may have; fork() fails with EAGAIN beyond it (stops fork bombs).\ncgroup v1: pids.max\ncgroup v2: pids.max':
    '컨테이너가 가질 수 있는 프로세스와 스레드의 최대 개수입니다. 넘으면 fork()가 EAGAIN으로 실패합니다(포크 폭탄을 막아 줍니다).\ncgroup v1: pids.max\ncgroup v2: pids.max',
'Disk read': '디스크 읽기',
'MiB/s': 'MiB/s',
'Read bandwidth from the block device below, in bytes per second.\ncgroup v1: blkio.throttle.read_bps_device\ncgroup v2: io.max (rbps)':
    '아래 블록 장치에서 읽는 속도의 한도(초당 바이트)입니다.\ncgroup v1: blkio.throttle.read_bps_device\ncgroup v2: io.max (rbps)',
'Disk write': '디스크 쓰기',
'Write bandwidth to the block device below, in bytes per second. Buffered writes are throttled only on cgroup v2.\ncgroup v1: blkio.throttle.write_bps_device\ncgroup v2: io.max (wbps)':
    '아래 블록 장치에 쓰는 속도의 한도(초당 바이트)입니다. 버퍼를 거치는 쓰기는 cgroup v2에서만 제한됩니다.\ncgroup v1: blkio.throttle.write_bps_device\ncgroup v2: io.max (wbps)',
'Block &device (major:minor):': '블록 장치(&D) (major:minor):',
'I/O limits apply per block device, named by its major:minor numbers (see lsblk).':
    'I/O 제한은 블록 장치마다 걸리며, 장치는 major:minor 번호로 가리킵니다(lsblk로 확인).',
# logs
'Search the log…': '로그에서 찾기…',
'&Follow': '따라가기(&F)',
'Keep showing new lines as the container writes them': '컨테이너가 새 줄을 쓰는 대로 계속 보여 줍니다',
# main window
'About Onggi': '옹기 정보',
'<h3>Onggi %1</h3><p>A desktop container manager for Linux that shows how containers work: namespaces, control groups, layered filesystems, capabilities and seccomp.</p><p>Onggi (옹기) are the breathing earthenware jars of Korean kitchens.</p>':
    '<h3>옹기 %1</h3><p>컨테이너가 어떻게 동작하는지 보여 주는 리눅스 데스크톱 컨테이너 관리자입니다: 네임스페이스, 컨트롤 그룹(cgroup), 레이어 파일시스템, 케이퍼빌리티, seccomp.</p><p>옹기는 숨 쉬는 우리 장독대의 질그릇입니다.</p>',
'Onggi — containers': '옹기 — 컨테이너',
'Container actions': '컨테이너 작업',
'&New…': '새로 만들기(&N)…',
'Create a new container': '새 컨테이너를 만듭니다',
'&Start': '시작(&S)',
'S&top': '중지(&T)',
'Send SIGTERM, then SIGKILL after 10 seconds': 'SIGTERM을 보내고, 10초 뒤에도 살아 있으면 SIGKILL을 보냅니다',
'Res&ume': '재개(&U)',
'&Pause': '일시 정지(&P)',
'Freeze or thaw every process of the container (cgroup freezer)': '컨테이너의 모든 프로세스를 얼리거나 녹입니다 (cgroup freezer)',
'&Restart': '다시 시작(&R)',
'Re&move': '삭제(&M)',
'Re&fresh': '새로 고침(&F)',
'&Settings…': '설정(&S)…',
'&Quit': '끝내기(&Q)',
'&About Onggi': '옹기 정보(&A)',
'&File': '파일(&F)',
'&Container': '컨테이너(&C)',
'&View': '보기(&V)',
'&Language': '언어(&L)',
'&System language': '시스템 언어(&S)',
'한국어': '한국어',
'English': 'English',
'&Help': '도움말(&H)',
'Filter by name, image or state…': '이름, 이미지, 상태로 거르기…',
'the service speaks protocol %1, this app %2': '서비스는 프로토콜 %1, 이 앱은 %2을(를) 씁니다',
'Out of memory in "%1"': '"%1" 컨테이너의 메모리가 부족합니다',
'The kernel\'s OOM killer ended a process in container "%1" because it reached its memory limit. Raise the limit in the Limits tab if it needs more.':
    '"%1" 컨테이너가 메모리 제한에 닿아서 커널의 OOM 킬러가 프로세스 하나를 강제로 끝냈습니다. 메모리가 더 필요하다면 [자원 제한] 탭에서 한도를 올려 주세요.',
'Limits applied': '자원 제한을 적용했습니다',
'Connecting to %1…': '%1에 연결하는 중…',
'Not connected to the Onggi service': '옹기 서비스에 연결되어 있지 않습니다',
'Connected to onggi-helper %1': 'onggi-helper %1에 연결됨',
'cgroup v1': 'cgroup v1',
'cgroup v2': 'cgroup v2',
'cgroup hybrid (v1 controllers)': 'cgroup 혼합 모드 (v1 컨트롤러)',
'Container "%1" is running. Stop it and remove it with everything it wrote (its upper layer and logs)?':
    '"%1" 컨테이너가 실행 중입니다. 멈추고, 컨테이너가 쓴 모든 것(상위 레이어와 로그)과 함께 삭제할까요?',
'Remove container "%1" with everything it wrote (its upper layer and logs)?':
    '"%1" 컨테이너를 그것이 쓴 모든 것(상위 레이어와 로그)과 함께 삭제할까요?',
'Remove container': '컨테이너 삭제',
# charts
"OOM kill at %1\nThe kernel's out-of-memory killer ended a process in this container because it reached its memory limit.\nMemory in use: %2\nOOM kills so far: %3":
    '%1 OOM 강제 종료\n이 컨테이너가 메모리 제한에 닿아서 커널의 OOM(메모리 부족) 킬러가 프로세스 하나를 끝냈습니다.\n그때 쓰던 메모리: %2\n지금까지 OOM 강제 종료 횟수: %3',
'OOM kill': 'OOM 강제 종료',
'%1 at %2: %3': '%1, %2: %3',
'%1/s': '%1/s',
# processes
"The process ID in the host's PID namespace (what ps on the host shows)": '호스트의 PID 네임스페이스에서 보이는 프로세스 ID (호스트에서 ps로 보이는 번호)',
"The process ID inside the container's own PID namespace; its first process is PID 1": '컨테이너 자신의 PID 네임스페이스 안에서의 프로세스 ID. 첫 프로세스가 PID 1입니다',
'Host PID': '호스트 PID',
'Container PID': '컨테이너 PID',
'UID': 'UID',
'Command': '명령',
# settings
'Settings': '설정',
'System language': '시스템 언어',
' ms': ' ms',
'&Language:': '언어(&L):',
'&Refresh interval:': '새로 고침 간격(&R):',
"How often the helper samples the containers' cgroups for the charts (100 ms to 10 s).":
    '차트를 그리려고 헬퍼가 컨테이너의 cgroup 값을 읽는 간격입니다 (100 ms ~ 10초).',
# stats history
'Time': '시각',
'Memory used': '사용 중인 메모리',
'Memory limit': '메모리 제한',
'Process limit': '프로세스 수 제한',
'Network received': '네트워크 받음',
'Network sent': '네트워크 보냄',
# units
'%1 %2': '%1 %2',
'%1 %': '%1 %',
'%1 cores': '%1 코어',
'%1d %2h': '%1일 %2시간',
'%1h %2m': '%1시간 %2분',
'%1m %2s': '%1분 %2초',
'%1s': '%1초',
}
KO_NUMERUS = {
    "Root in the container keeps only %n of the kernel's capabilities, and a seccomp filter refuses dangerous system calls.":
        '컨테이너 안의 root는 커널의 케이퍼빌리티 중 %n개만 가지고 있고, seccomp 필터가 위험한 시스템 콜을 거부합니다.',
    '%1 · Linux %2 · %n CPU(s) · %3': '%1 · 리눅스 %2 · CPU %n개 · %3',
    '%n container(s)': '컨테이너 %n개',
    '%n running': '%n개 실행 중',
}
