<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>LessonLive</name>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Value now</source>
        <translation>지금 값</translation>
    </message>
    <message>
        <source>This host has none of these files for the container.</source>
        <translation>이 호스트에는 이 컨테이너의 해당 파일이 없습니다.</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>네임스페이스</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>컨테이너</translation>
    </message>
    <message>
        <source>shared with the host</source>
        <translation>호스트와 같음</translation>
    </message>
    <message>
        <source>its own</source>
        <translation>따로 있음</translation>
    </message>
    <message>
        <source>Hostname</source>
        <translation>호스트 이름</translation>
    </message>
    <message>
        <source>inside (its UTS namespace)</source>
        <translation>안 (컨테이너의 UTS 네임스페이스)</translation>
    </message>
    <message>
        <source>outside (this host)</source>
        <translation>밖 (이 호스트)</translation>
    </message>
    <message>
        <source>Seen from</source>
        <translation>보는 곳</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>the host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <source>inside the container</source>
        <translation>컨테이너 안</translation>
    </message>
    <message>
        <source>NSpid in /proc/%1/status: %2</source>
        <translation>/proc/%1/status의 NSpid: %2</translation>
    </message>
    <message>
        <source>Network interfaces</source>
        <translation>네트워크 인터페이스</translation>
    </message>
    <message>
        <source>inside</source>
        <translation>안</translation>
    </message>
    <message>
        <source>outside</source>
        <translation>밖</translation>
    </message>
    <message>
        <source>Effective capabilities of the init (CapEff %1)</source>
        <translation>init의 유효 권한 (CapEff %1)</translation>
    </message>
    <message>
        <source>Capability</source>
        <translation>권한</translation>
    </message>
    <message>
        <source>What it allows</source>
        <translation>허락하는 일</translation>
    </message>
    <message>
        <source>Not held, among others</source>
        <translation>없는 권한 (일부)</translation>
    </message>
    <message>
        <source>What it would allow</source>
        <translation>있다면 할 수 있는 일</translation>
    </message>
    <message numerus="yes">
        <source>Bounding set: %n capabilities. Permitted: %1. Ambient: %2.</source>
        <translation>
            <numerusform>경계 집합: 권한 %n개. 허용: %1. 앰비언트: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>0: no filter</source>
        <translation>0: 필터 없음</translation>
    </message>
    <message>
        <source>1: strict (read, write, exit only)</source>
        <translation>1: 엄격 모드 (read, write, exit만 허용)</translation>
    </message>
    <message numerus="yes">
        <source>2: filter (%n BPF program(s) loaded)</source>
        <translation>
            <numerusform>2: 필터 모드 (BPF 프로그램 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Value in /proc/%1/status</source>
        <translation>/proc/%1/status의 값</translation>
    </message>
    <message>
        <source>1: exec can never gain privileges (no setuid)</source>
        <translation>1: exec로 권한을 더 얻을 수 없음 (setuid 무효)</translation>
    </message>
    <message>
        <source>0: setuid programs may gain privileges</source>
        <translation>0: setuid 프로그램이 권한을 얻을 수 있음</translation>
    </message>
    <message>
        <source>held: mount and unshare are allowed by capabilities</source>
        <translation>있음: 권한으로는 mount와 unshare가 허락됨</translation>
    </message>
    <message>
        <source>not held: mount and unshare fail with EPERM</source>
        <translation>없음: mount와 unshare는 EPERM으로 실패함</translation>
    </message>
    <message>
        <source>Mount point</source>
        <translation>마운트 위치</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>원본</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>옵션</translation>
    </message>
    <message numerus="yes">
        <source>%n mount(s) inside the container</source>
        <translation>
            <numerusform>컨테이너 안의 마운트 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mount(s) on the host</source>
        <translation>
            <numerusform>호스트의 마운트 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>레이어</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>디렉터리</translation>
    </message>
    <message>
        <source>lower (read-only)</source>
        <translation>lower (읽기 전용)</translation>
    </message>
    <message>
        <source>upper (this container's changes)</source>
        <translation>upper (이 컨테이너가 바꾼 것)</translation>
    </message>
    <message>
        <source>merged (its /)</source>
        <translation>merged (컨테이너의 /)</translation>
    </message>
    <message numerus="yes">
        <source>What is in the upper layer now (%n entries)</source>
        <translation>
            <numerusform>지금 upper 레이어에 있는 것 (%n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing yet: the container has not changed a file.</source>
        <translation>아직 없습니다. 컨테이너가 바꾼 파일이 없습니다.</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>경로</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>In a lower layer?</source>
        <translation>lower에도 있나요?</translation>
    </message>
    <message>
        <source>file (%1)</source>
        <translation>파일 (%1)</translation>
    </message>
    <message>
        <source>directory</source>
        <translation>디렉터리</translation>
    </message>
    <message>
        <source>opaque directory (hides the lower one)</source>
        <translation>불투명 디렉터리 (lower의 내용을 가림)</translation>
    </message>
    <message>
        <source>whiteout (char device 0/0: deleted)</source>
        <translation>화이트아웃 (문자 장치 0/0: 지워짐)</translation>
    </message>
    <message>
        <source>symbolic link</source>
        <translation>심볼릭 링크</translation>
    </message>
    <message>
        <source>yes: copied up or hidden</source>
        <translation>예: 위로 복사되었거나 가려짐</translation>
    </message>
    <message>
        <source>no: new</source>
        <translation>아니요: 새 파일</translation>
    </message>
    <message>
        <source>(more entries than shown)</source>
        <translation>(보이는 것보다 항목이 더 있습니다)</translation>
    </message>
    <message>
        <source>Limit: %1</source>
        <translation>한도: %1</translation>
    </message>
    <message>
        <source>The kernel gives no OOM kill count here.</source>
        <translation>이 호스트의 커널은 OOM 강제 종료 횟수를 알려 주지 않습니다.</translation>
    </message>
    <message>
        <source>oom_kill: %1</source>
        <translation>oom_kill(강제 종료 횟수): %1</translation>
    </message>
    <message>
        <source>change the owner of any file</source>
        <translation>어떤 파일이든 소유자 바꾸기</translation>
    </message>
    <message>
        <source>read, write and run files regardless of their permission bits</source>
        <translation>권한 비트와 상관없이 파일 읽기·쓰기·실행</translation>
    </message>
    <message>
        <source>read any file and list any directory, and open files by handle</source>
        <translation>어떤 파일이든 읽고 어떤 디렉터리든 보기, 핸들로 파일 열기</translation>
    </message>
    <message>
        <source>act as the owner of any file (chmod, utime)</source>
        <translation>어떤 파일이든 소유자처럼 다루기 (chmod, utime)</translation>
    </message>
    <message>
        <source>keep the setuid/setgid bits when changing a file</source>
        <translation>파일을 바꿀 때 setuid/setgid 비트 유지하기</translation>
    </message>
    <message>
        <source>send signals to processes of other users</source>
        <translation>다른 사용자의 프로세스에 시그널 보내기</translation>
    </message>
    <message>
        <source>change its group IDs</source>
        <translation>자기 그룹 번호 바꾸기</translation>
    </message>
    <message>
        <source>change its user IDs</source>
        <translation>자기 사용자 번호 바꾸기</translation>
    </message>
    <message>
        <source>pass on or drop capabilities</source>
        <translation>권한을 넘겨주거나 버리기</translation>
    </message>
    <message>
        <source>listen on ports below 1024</source>
        <translation>1024번 아래 포트 열기</translation>
    </message>
    <message>
        <source>use raw sockets (ping)</source>
        <translation>raw 소켓 쓰기 (ping)</translation>
    </message>
    <message>
        <source>configure interfaces, routes and firewalls</source>
        <translation>인터페이스, 라우팅, 방화벽 설정하기</translation>
    </message>
    <message>
        <source>call chroot</source>
        <translation>chroot 호출하기</translation>
    </message>
    <message>
        <source>create device files</source>
        <translation>장치 파일 만들기</translation>
    </message>
    <message>
        <source>write to the kernel's audit log</source>
        <translation>커널 감사 로그에 쓰기</translation>
    </message>
    <message>
        <source>mount, create namespaces, and many other admin tasks</source>
        <translation>마운트, 네임스페이스 만들기 등 수많은 관리 작업</translation>
    </message>
    <message>
        <source>load and unload kernel modules</source>
        <translation>커널 모듈 올리고 내리기</translation>
    </message>
    <message>
        <source>set the system clock</source>
        <translation>시스템 시계 맞추기</translation>
    </message>
    <message>
        <source>trace and inspect any process</source>
        <translation>어떤 프로세스든 추적하고 들여다보기</translation>
    </message>
    <message>
        <source>reboot the machine</source>
        <translation>기계 재부팅하기</translation>
    </message>
    <message>
        <source>raw access to I/O ports and devices</source>
        <translation>I/O 포트와 장치에 직접 접근하기</translation>
    </message>
    <message>
        <source>raise priorities and change scheduling</source>
        <translation>우선순위 올리기와 스케줄링 바꾸기</translation>
    </message>
    <message>
        <source>go past resource limits</source>
        <translation>자원 한도 넘기기</translation>
    </message>
    <message>
        <source>lock memory</source>
        <translation>메모리 잠그기</translation>
    </message>
    <message>
        <source>read and clear the kernel log</source>
        <translation>커널 로그 읽고 지우기</translation>
    </message>
    <message>
        <source>load BPF programs</source>
        <translation>BPF 프로그램 올리기</translation>
    </message>
    <message>
        <source>Select a running container: this panel then shows what the kernel says about it, every second.</source>
        <translation>실행 중인 컨테이너를 고르세요. 그러면 이 패널이 커널이 그 컨테이너에 대해 말하는 것을 1초마다 보여 줍니다.</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>커널</translation>
    </message>
    <message>
        <source>the container runs on</source>
        <translation>컨테이너가 쓰는 커널</translation>
    </message>
    <message>
        <source>this host runs</source>
        <translation>이 호스트의 커널</translation>
    </message>
    <message>
        <source>The same kernel, because there is only one: the container's init is host process %1.</source>
        <translation>커널은 하나뿐이라 같습니다. 컨테이너의 init은 호스트의 %1번 프로세스입니다.</translation>
    </message>
    <message numerus="yes">
        <source>Its init: %1 (%2), %n thread(s).</source>
        <translation>
            <numerusform>init: %1 (%2), 스레드 %n개.</numerusform>
        </translation>
    </message>
    <message>
        <source>User namespace: uid_map</source>
        <translation>사용자 네임스페이스: uid_map</translation>
    </message>
    <message>
        <source>Root (0) inside is uid %1 on the host.</source>
        <translation>안의 root(0)는 호스트에서 uid %1입니다.</translation>
    </message>
    <message>
        <source>cgroup layout of this host</source>
        <translation>이 호스트의 cgroup 방식</translation>
    </message>
    <message>
        <source>the container's group</source>
        <translation>컨테이너의 그룹</translation>
    </message>
    <message>
        <source>/proc/%1/cgroup as the kernel writes it</source>
        <translation>커널이 적은 /proc/%1/cgroup</translation>
    </message>
    <message>
        <source>Throttled periods so far: %1</source>
        <translation>지금까지 스로틀링된 주기: %1</translation>
    </message>
    <message>
        <source>fork() refused at the limit so far: %1</source>
        <translation>지금까지 한도에 걸려 거부된 fork(): %1</translation>
    </message>
    <message>
        <source>An empty limit file means no limit on any device.</source>
        <translation>한도 파일이 비어 있으면 어느 장치에도 한도가 없다는 뜻입니다.</translation>
    </message>
    <message>
        <source>State of the init in /proc/%1/status: %2</source>
        <translation>/proc/%1/status에 적힌 init의 상태: %2</translation>
    </message>
    <message>
        <source>init program</source>
        <translation>init 프로그램</translation>
    </message>
    <message>
        <source>host PID</source>
        <translation>호스트 PID</translation>
    </message>
    <message>
        <source>cgroup made by Onggi</source>
        <translation>Onggi가 만든 cgroup</translation>
    </message>
    <message>
        <source>root filesystem</source>
        <translation>루트 파일시스템</translation>
    </message>
    <message>
        <source>shared kernel</source>
        <translation>함께 쓰는 커널</translation>
    </message>
    <message>
        <source>No live view for this lesson.</source>
        <translation>이 수업에는 실시간 보기가 없습니다.</translation>
    </message>
    <message>
        <source>Host (the helper)</source>
        <translation>호스트 (헬퍼)</translation>
    </message>
    <message>
        <source>give files capabilities (setcap)</source>
        <translation>파일에 권한 붙이기 (setcap)</translation>
    </message>
</context>
<context>
    <name>LessonLiveSections</name>
    <message>
        <source>Destination</source>
        <translation>목적지</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>거쳐 가는 곳</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>default (everything else)</source>
        <translation>기본 (나머지 전부)</translation>
    </message>
    <message>
        <source>directly (on the link)</source>
        <translation>직접 (같은 링크 위)</translation>
    </message>
    <message>
        <source>This container shares the host's network namespace.</source>
        <translation>이 컨테이너는 호스트의 네트워크 네임스페이스를 함께 씁니다.</translation>
    </message>
    <message>
        <source>Its own network namespace: %1</source>
        <translation>자기 네트워크 네임스페이스: %1</translation>
    </message>
    <message>
        <source>The kernel's network view could not be read: %1</source>
        <translation>커널에서 네트워크 정보를 읽지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Inside the container: interfaces</source>
        <translation>컨테이너 안: 인터페이스</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>번호</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>loopback</source>
        <translation>루프백</translation>
    </message>
    <message>
        <source>veth (its peer is interface %1 outside)</source>
        <translation>veth (짝은 바깥의 %1번 인터페이스)</translation>
    </message>
    <message>
        <source>up</source>
        <translation>켜짐</translation>
    </message>
    <message>
        <source>down</source>
        <translation>꺼짐</translation>
    </message>
    <message>
        <source>Inside the container: routes</source>
        <translation>컨테이너 안: 경로</translation>
    </message>
    <message>
        <source>No routes: nothing leaves this container.</source>
        <translation>경로가 없습니다. 이 컨테이너에서는 아무것도 밖으로 나가지 못합니다.</translation>
    </message>
    <message>
        <source>Only the loopback device inside: this container has no network of Onggi's, so no veth pair and no bridge. Create one with a network (the default "onggi" network or --network) to see both ends.</source>
        <translation>안에는 루프백 장치만 있습니다. 이 컨테이너는 Onggi 네트워크에 붙어 있지 않아서 veth 쌍도 브리지도 없습니다. 네트워크에 붙여서(기본 "onggi" 네트워크나 --network) 만들면 양 끝을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>The veth pair: both ends</source>
        <translation>veth 쌍의 양 끝</translation>
    </message>
    <message>
        <source>End</source>
        <translation>끝</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC 주소</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>브리지</translation>
    </message>
    <message>
        <source>inside the container</source>
        <translation>컨테이너 안</translation>
    </message>
    <message>
        <source>on the host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>What goes into one end comes out of the other: the host end is a port of the bridge, so the bridge switches the container's packets to the other containers and to the host.</source>
        <translation>한쪽 끝으로 들어간 패킷은 다른 끝으로 나옵니다. 호스트 쪽 끝은 브리지의 포트라서, 브리지가 컨테이너의 패킷을 다른 컨테이너와 호스트로 넘겨 줍니다.</translation>
    </message>
    <message>
        <source>On the host: its routes to the container</source>
        <translation>호스트: 컨테이너로 가는 경로</translation>
    </message>
    <message>
        <source>The host has no route through the bridge.</source>
        <translation>호스트에는 브리지를 거치는 경로가 없습니다.</translation>
    </message>
    <message>
        <source>Who else uses each lower layer</source>
        <translation>하위 레이어마다 함께 쓰는 곳</translation>
    </message>
    <message>
        <source>Lower layer (top first)</source>
        <translation>하위 레이어 (위에서부터)</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>Other containers of yours</source>
        <translation>내 다른 컨테이너</translation>
    </message>
    <message>
        <source>not an image layer</source>
        <translation>이미지 레이어가 아님</translation>
    </message>
    <message>
        <source>A layer is stored once on disk and shared read-only by every image and container listed: only the upper layer belongs to this container alone.</source>
        <translation>레이어는 디스크에 한 번만 저장되고, 여기 나온 이미지와 컨테이너가 모두 읽기 전용으로 함께 씁니다. 이 컨테이너만의 것은 상위 레이어뿐입니다.</translation>
    </message>
    <message>
        <source>covered: %1 (%2, %3)</source>
        <translation>덮음: %1 (%2, %3)</translation>
    </message>
    <message>
        <source>absent: the container has no such entry</source>
        <translation>없음: 컨테이너 안에 이런 항목이 없습니다</translation>
    </message>
    <message>
        <source>not mounted over (covered by a read-only /proc, or unknown)</source>
        <translation>덮은 마운트 없음 (읽기 전용 /proc 아래에 있거나 알 수 없음)</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>경로</translation>
    </message>
    <message>
        <source>How</source>
        <translation>방식</translation>
    </message>
    <message>
        <source>What the container's mount table says</source>
        <translation>컨테이너의 마운트 목록에 나온 것</translation>
    </message>
    <message>
        <source>masked</source>
        <translation>가려짐</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>읽기 전용</translation>
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
        <translation>%1 코어</translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <translation>%1일 %2시간</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1초</translation>
    </message>
</context>
<context>
    <name>onggi::client</name>
    <message>
        <source>The helper was stopped before this finished</source>
        <extracomment>a pull, load, save or commit was running when the helper (the privileged service) was told to stop</extracomment>
        <translation>작업이 끝나기 전에 헬퍼가 멈췄습니다</translation>
    </message>
    <message>
        <source>It was cancelled and nothing of it was kept. Try again once the helper runs again.</source>
        <translation>작업은 취소되었고 그때까지 한 것은 남기지 않았습니다. 헬퍼가 다시 실행되면 다시 해 보세요.</translation>
    </message>
    <message>
        <source>The helper could not read the request</source>
        <translation>헬퍼가 요청을 읽지 못했습니다</translation>
    </message>
    <message>
        <source>The request was not understood</source>
        <translation>요청을 이해하지 못했습니다</translation>
    </message>
    <message>
        <source>The helper does not know this operation (is it an older version?)</source>
        <translation>헬퍼가 모르는 작업입니다 (헬퍼가 예전 버전인가요?)</translation>
    </message>
    <message>
        <source>Invalid value</source>
        <translation>값이 올바르지 않습니다</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>권한이 없습니다</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>찾을 수 없습니다</translation>
    </message>
    <message>
        <source>The name is already in use</source>
        <translation>이미 쓰고 있는 이름입니다</translation>
    </message>
    <message>
        <source>Not possible in the container's current state</source>
        <extracomment>the container is in a state where this operation is not possible (e.g. start a running one)</extracomment>
        <translation>컨테이너의 지금 상태에서는 할 수 없습니다</translation>
    </message>
    <message>
        <source>Not supported on this host</source>
        <translation>이 호스트에서는 지원하지 않습니다</translation>
    </message>
    <message>
        <source>Busy, try again</source>
        <translation>바쁩니다. 다시 시도해 주세요</translation>
    </message>
    <message>
        <source>The operation timed out</source>
        <translation>작업 시간이 초과되었습니다</translation>
    </message>
    <message>
        <source>A system call failed</source>
        <translation>시스템 콜이 실패했습니다</translation>
    </message>
    <message>
        <source>Internal error in the helper</source>
        <translation>헬퍼 내부 오류입니다</translation>
    </message>
    <message>
        <source>The Onggi helper is not running</source>
        <translation>옹기 헬퍼가 실행되고 있지 않습니다</translation>
    </message>
    <message>
        <source>No permission to talk to the Onggi helper</source>
        <translation>옹기 헬퍼와 통신할 권한이 없습니다</translation>
    </message>
    <message>
        <source>Cannot connect to the Onggi helper</source>
        <translation>옹기 헬퍼에 연결할 수 없습니다</translation>
    </message>
    <message>
        <source>The connection to the Onggi helper was lost</source>
        <translation>옹기 헬퍼와의 연결이 끊어졌습니다</translation>
    </message>
    <message>
        <source>The helper sent a reply that could not be read</source>
        <translation>헬퍼가 읽을 수 없는 응답을 보냈습니다</translation>
    </message>
    <message>
        <source>The helper did not answer in time</source>
        <translation>헬퍼가 제시간에 응답하지 않았습니다</translation>
    </message>
    <message>
        <source>Not connected to the Onggi helper</source>
        <translation>옹기 헬퍼에 연결되어 있지 않습니다</translation>
    </message>
    <message>
        <source>No socket at %1. Start the helper (sudo systemctl start onggi-helper), or point ONGGI_SOCKET / --host at its socket.</source>
        <translation>%1에 소켓이 없습니다. 헬퍼를 시작하거나(sudo systemctl start onggi-helper), ONGGI_SOCKET 또는 --host로 헬퍼의 소켓을 알려 주세요.</translation>
    </message>
    <message>
        <source>Only root and members of the group "onggi" may use %1. Join the group (sudo usermod -aG onggi $USER), then log out and in again.</source>
        <translation>root와 "onggi" 그룹의 구성원만 쓸 수 있는 소켓입니다: %1. 그룹에 가입한 뒤(sudo usermod -aG onggi $USER) 로그아웃했다가 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>The socket %1 exists but nobody answers; the helper may have crashed. Restart it (sudo systemctl restart onggi-helper).</source>
        <translation>소켓 파일(%1)은 있지만 아무도 응답하지 않습니다. 헬퍼가 비정상 종료되었을 수 있습니다. 다시 시작하세요(sudo systemctl restart onggi-helper).</translation>
    </message>
    <message>
        <source>The helper stopped or closed the connection. Containers keep running; reconnect when it is back.</source>
        <translation>헬퍼가 멈췄거나 연결을 닫았습니다. 컨테이너는 계속 실행됩니다. 헬퍼가 돌아오면 다시 연결하세요.</translation>
    </message>
    <message>
        <source>Update onggi-helper to the same version as this program.</source>
        <translation>onggi-helper를 이 프로그램과 같은 버전으로 업데이트하세요.</translation>
    </message>
    <message>
        <source>Error %1</source>
        <translation>오류 %1</translation>
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
        <translation>onggi 그룹 구성원에게는 허용되지 않는 요청입니다</translation>
    </message>
    <message>
        <source>Only root may ask for this.</source>
        <translation>root만 요청할 수 있습니다.</translation>
    </message>
    <message>
        <source>Only root may ask for this here: polkit, which could let an administrator allow it (action %1), does not run on this computer.</source>
        <translation>이 컴퓨터에서는 root만 요청할 수 있습니다. 관리자가 허용할 수 있게 해 주는 polkit(동작 %1)이 이 컴퓨터에서 실행되고 있지 않습니다.</translation>
    </message>
    <message>
        <source>An administrator's password is needed (polkit action %1), and no authentication agent answered. Try again from the desktop, or under pkttyagent.</source>
        <translation>관리자 비밀번호가 필요한데(polkit 동작 %1) 응답한 인증 에이전트가 없습니다. 데스크톱에서 다시 하거나 pkttyagent 아래에서 실행해 보세요.</translation>
    </message>
    <message>
        <source>The authentication for polkit action %1 was dismissed.</source>
        <translation>polkit 동작 %1의 인증이 취소되었습니다.</translation>
    </message>
    <message>
        <source>polkit did not authorize action %1 for you.</source>
        <translation>polkit이 이 사용자에게 허가하지 않은 동작입니다: %1</translation>
    </message>
    <message>
        <source>a privileged container (--privileged)</source>
        <translation>특권 컨테이너 (--privileged)</translation>
    </message>
    <message>
        <source>a privileged setting (%1)</source>
        <extracomment>%1: the setting, e.g. "masked_paths", "no_new_privileges" or "/sys"</extracomment>
        <translation>특권 설정 (%1)</translation>
    </message>
    <message>
        <source>the capability %1 (--cap-add)</source>
        <translation>추가 권한(capability) %1 (--cap-add)</translation>
    </message>
    <message>
        <source>no seccomp filter (seccomp=unconfined)</source>
        <translation>seccomp 필터 없이 실행 (seccomp=unconfined)</translation>
    </message>
    <message>
        <source>a seccomp profile that lets through %1, which the default profile refuses</source>
        <extracomment>%1: a system call name such as "mount"</extracomment>
        <translation>기본 프로필이 막는 시스템 콜 %1까지 통과시키는 seccomp 프로필</translation>
    </message>
    <message>
        <source>a seccomp profile file read by the helper (send the profile's content instead)</source>
        <translation>헬퍼가 직접 읽는 seccomp 프로필 파일 (대신 프로필 내용을 보내세요)</translation>
    </message>
    <message>
        <source>the host's network (--network host)</source>
        <translation>호스트의 네트워크 (--network host)</translation>
    </message>
    <message>
        <source>the host's PID namespace</source>
        <translation>호스트의 PID 네임스페이스</translation>
    </message>
    <message>
        <source>the host's IPC namespace</source>
        <translation>호스트의 IPC 네임스페이스</translation>
    </message>
    <message>
        <source>the host's UTS namespace (its host name)</source>
        <translation>호스트의 UTS 네임스페이스 (호스트 이름)</translation>
    </message>
    <message>
        <source>the host's cgroup namespace</source>
        <translation>호스트의 cgroup 네임스페이스</translation>
    </message>
    <message>
        <source>the host's mount namespace</source>
        <translation>호스트의 마운트 네임스페이스</translation>
    </message>
    <message>
        <source>the host's user namespace</source>
        <translation>호스트의 사용자 네임스페이스</translation>
    </message>
    <message>
        <source>a namespace of the host (%1)</source>
        <translation>호스트의 네임스페이스 (%1)</translation>
    </message>
    <message>
        <source>devices of the host (%1)</source>
        <extracomment>%1: a device rule such as "b 8:* rwm"</extracomment>
        <translation>호스트의 장치 (%1)</translation>
    </message>
    <message>
        <source>a cgroup outside Onggi's own (%1)</source>
        <translation>옹기 밖의 cgroup (%1)</translation>
    </message>
    <message>
        <source>a kernel setting (sysctl %1)</source>
        <translation>커널 설정 (sysctl %1)</translation>
    </message>
    <message>
        <source>The kernel could not reclaim %1 to bring the container under %2 (it uses %3 now). Choose at least %4, or free memory in the container first.</source>
        <extracomment>cgroup v1 refused a memory limit below what the container uses (EBUSY). %1 what could not be reclaimed, %2 the limit asked for, %3 in use now, %4 the smallest limit that fits</extracomment>
        <translation>커널이 컨테이너의 메모리를 %2 아래로 줄이지 못했습니다 (지금 사용량: %3, 회수하지 못한 양: %1). 제한을 %4 이상으로 정하거나, 먼저 컨테이너 안에서 메모리를 비워 주세요.</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>내려받는 중</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>다시 시도하는 중</translation>
    </message>
    <message>
        <source>Verifying Checksum</source>
        <translation>체크섬 확인 중</translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation>압축 푸는 중</translation>
    </message>
    <message>
        <source>Already exists</source>
        <translation>이미 있음</translation>
    </message>
    <message>
        <source>Pull complete</source>
        <translation>받기 완료</translation>
    </message>
    <message>
        <source>Resolving</source>
        <translation>이미지 찾는 중</translation>
    </message>
    <message>
        <source>This is not temporary: on cgroup v2 a cgroup that holds processes of its own cannot give controllers to child cgroups. Give the helper a --cgroup-parent that holds no processes.</source>
        <translation>잠시 기다린다고 풀리는 문제가 아닙니다. cgroup v2에서는 자기 프로세스를 가진 cgroup이 하위 cgroup에 컨트롤러를 나눠 줄 수 없습니다. 프로세스가 없는 cgroup을 헬퍼의 --cgroup-parent로 지정하세요.</translation>
    </message>
    <message>
        <source>The archive has a name that points outside it (an absolute path or ".."); nothing was loaded.</source>
        <translation>아카이브 안에 바깥을 가리키는 이름(절대 경로나 "..")이 있습니다. 아무것도 불러오지 않았습니다.</translation>
    </message>
    <message>
        <source>A file that the archive's manifest names is missing from it; nothing was loaded.</source>
        <translation>아카이브의 매니페스트가 가리키는 파일이 아카이브에 없습니다. 아무것도 불러오지 않았습니다.</translation>
    </message>
    <message>
        <source>A file in the archive does not match its checksum: it is damaged or was altered. Nothing was loaded.</source>
        <translation>아카이브 안의 파일이 체크섬과 맞지 않습니다. 파일이 손상되었거나 바뀌었습니다. 아무것도 불러오지 않았습니다.</translation>
    </message>
    <message>
        <source>The archive is not a tar file or ends too early (an incomplete copy?); nothing was loaded.</source>
        <translation>tar 파일이 아니거나 중간에 끝납니다(복사가 덜 되었을 수 있습니다). 아무것도 불러오지 않았습니다.</translation>
    </message>
    <message>
        <source>This is not an image archive that Onggi can read (docker save or OCI layout); nothing was loaded.</source>
        <translation>옹기가 읽을 수 있는 이미지 아카이브(docker save 또는 OCI 레이아웃)가 아닙니다. 아무것도 불러오지 않았습니다.</translation>
    </message>
    <message>
        <source>The helper dropped the connection: this program did not keep up reading</source>
        <extracomment>the helper closed the connection because this program did not read what the helper sent</extracomment>
        <translation>헬퍼가 보낸 내용을 이 프로그램이 제때 읽지 못해 헬퍼가 연결을 끊었습니다</translation>
    </message>
    <message>
        <source>Too much output was waiting for this program (for example a subscription it stopped reading). The helper keeps running; connect again.</source>
        <translation>이 프로그램에 보낼 출력이 너무 많이 쌓였습니다(예: 구독해 놓고 더 이상 읽지 않는 경우). 헬퍼는 계속 동작하고 있으니 다시 연결하세요.</translation>
    </message>
    <message numerus="yes">
        <source>--- %n byte(s) of log deleted by rotation before they were read ---</source>
        <extracomment>shown in a followed log where rotation deleted lines before this program read them</extracomment>
        <translation>
            <numerusform>--- 읽기 전에 로그 순환으로 %n바이트가 지워졌습니다 ---</numerusform>
        </translation>
    </message>
    <message>
        <source>The helper has too many open files (%1 of at most %2); each running container holds about a dozen. Stop some containers, or raise the helper's limit (LimitNOFILE in onggi-helper.service).</source>
        <extracomment>the helper (the privileged service) ran out of file descriptors. %1: how many it holds, %2: its limit</extracomment>
        <translation>헬퍼가 연 파일이 너무 많습니다 (최대 %2개 가운데 %1개). 실행 중인 컨테이너 하나마다 열 개 남짓의 파일을 씁니다. 컨테이너를 몇 개 멈추거나, 헬퍼의 한도를 올리세요 (onggi-helper.service의 LimitNOFILE).</translation>
    </message>
    <message>
        <source>The computer's table of open files is full (fs.file-max). Stop some programs or containers, or raise fs.file-max.</source>
        <translation>이 컴퓨터에서 열 수 있는 파일 수가 모두 찼습니다 (fs.file-max). 프로그램이나 컨테이너를 몇 개 끝내거나, fs.file-max를 올리세요.</translation>
    </message>
    <message>
        <source>Packing layers</source>
        <translation>레이어 묶는 중</translation>
    </message>
    <message>
        <source>Writing the archive</source>
        <translation>아카이브 쓰는 중</translation>
    </message>
    <message>
        <source>Reading the archive</source>
        <translation>아카이브 읽는 중</translation>
    </message>
    <message>
        <source>Unpacking layers</source>
        <translation>레이어 푸는 중</translation>
    </message>
    <message>
        <source>The archive holds more than a load may take (the helper's --max-load-size), or the disk would be full; nothing was loaded and nothing was left behind.</source>
        <translation>아카이브가 한 번에 불러올 수 있는 크기(헬퍼의 --max-load-size)보다 크거나, 불러오면 디스크가 가득 찹니다. 아무것도 불러오지 않았고 남은 파일도 없습니다.</translation>
    </message>
    <message>
        <source>The helper has too many open files; each running container holds about a dozen. Stop some containers, or raise the helper's limit (LimitNOFILE in onggi-helper.service).</source>
        <translation>헬퍼가 연 파일이 너무 많습니다. 실행 중인 컨테이너 하나마다 열 개 남짓의 파일을 씁니다. 컨테이너를 몇 개 멈추거나, 헬퍼의 한도를 올리세요 (onggi-helper.service의 LimitNOFILE).</translation>
    </message>
    <message>
        <source>onggi-shim, the program that runs the container, has too many open files (its limit is %1). It gets the limit the helper was started with: raise the helper's soft limit (LimitNOFILE in onggi-helper.service), then restart the helper.</source>
        <extracomment>onggi-shim (the small program that runs one container) ran out of file descriptors. %1: its limit</extracomment>
        <translation>컨테이너를 실행하는 프로그램인 onggi-shim이 연 파일이 너무 많습니다 (한도 %1개). onggi-shim은 헬퍼가 시작될 때의 한도를 그대로 물려받습니다. 헬퍼의 소프트 한도를 올린 뒤 (onggi-helper.service의 LimitNOFILE) 헬퍼를 다시 시작하세요.</translation>
    </message>
    <message>
        <source>onggi-shim, the program that runs the container, has too many open files. It gets the limit the helper was started with: raise the helper's soft limit (LimitNOFILE in onggi-helper.service), then restart the helper.</source>
        <translation>컨테이너를 실행하는 프로그램인 onggi-shim이 연 파일이 너무 많습니다. onggi-shim은 헬퍼가 시작될 때의 한도를 그대로 물려받습니다. 헬퍼의 소프트 한도를 올린 뒤 (onggi-helper.service의 LimitNOFILE) 헬퍼를 다시 시작하세요.</translation>
    </message>
</context>
<context>
    <name>onggi::gui::ChartsPanel</name>
    <message>
        <source>Time &amp;window:</source>
        <translation>시간 범위(&amp;W):</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1분</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5분</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15분</translation>
    </message>
    <message>
        <source>CPU (% of one core)</source>
        <translation>CPU (코어 1개 기준 %)</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <source>Disk I/O</source>
        <translation>디스크 I/O</translation>
    </message>
    <message>
        <source>Processes (PIDs)</source>
        <translation>프로세스 수 (PID)</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>pressure %1</source>
        <extracomment>PSI (pressure stall information): the share of the last 10 s some task waited</extracomment>
        <translation>압력 %1</translation>
    </message>
    <message>
        <source>%1 of one core</source>
        <translation>코어 하나의 %1</translation>
    </message>
    <message>
        <source>%1 of the limit</source>
        <translation>제한의 %1</translation>
    </message>
    <message>
        <source>throttled %1 of the time</source>
        <translation>스로틀링 시간 %1</translation>
    </message>
    <message>
        <source>used %1</source>
        <translation>사용 %1</translation>
    </message>
    <message>
        <source>page cache %1</source>
        <translation>페이지 캐시 %1</translation>
    </message>
    <message>
        <source>anonymous %1</source>
        <translation>익명 메모리 %1</translation>
    </message>
    <message>
        <source>peak %1</source>
        <translation>최대 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n process(es)</source>
        <translation>
            <numerusform>프로세스 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>읽기 %1</translation>
    </message>
    <message>
        <source>write %1</source>
        <translation>쓰기 %1</translation>
    </message>
    <message>
        <source>received %1 · sent %2</source>
        <translation>받음 %1 · 보냄 %2</translation>
    </message>
</context>
<context>
    <name>onggi::gui::ContainerListModel</name>
    <message>
        <source>created</source>
        <translation>생성됨</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>종료됨</translation>
    </message>
    <message>
        <source>exited (%1)</source>
        <translation>종료됨 (%1)</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>ID %1
Command: %2</source>
        <translation>ID %1
명령: %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Image</source>
        <extracomment>the container image (e.g. busybox)</extracomment>
        <translation>이미지</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <source>PIDs</source>
        <translation>PID 수</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>실행 시간</translation>
    </message>
    <message>
        <source>%1 in use of a %2 limit (%3)</source>
        <extracomment>memory in use, its limit and the share of the limit in use</extracomment>
        <translation>제한 %2 가운데 %1 사용 중 (%3)</translation>
    </message>
    <message>
        <source>%1 in use, no memory limit</source>
        <translation>%1 사용 중, 메모리 제한 없음</translation>
    </message>
    <message>
        <source>OOM killed</source>
        <translation>OOM 강제 종료됨</translation>
    </message>
    <message>
        <source>Exited with code %1: the kernel's OOM killer ended it (the memory limit was reached)</source>
        <translation>종료 코드 %1: 메모리 한도에 닿아 커널의 OOM 킬러가 강제 종료했습니다</translation>
    </message>
</context>
<context>
    <name>onggi::gui::ContainerPage</name>
    <message>
        <source>Logs</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>상세 정보</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>배우기</translation>
    </message>
    <message>
        <source>The container's OCI runtime configuration (config.json), as runc or crun would read it</source>
        <translation>이 컨테이너의 OCI 런타임 설정(config.json)입니다. runc나 crun도 똑같이 읽을 수 있는 형식입니다</translation>
    </message>
    <message>
        <source>How this container is made: namespaces, control groups and layers, with its real values</source>
        <translation>이 컨테이너가 어떻게 만들어졌는지 네임스페이스, 컨트롤 그룹, 레이어의 실제 값으로 보여 줍니다</translation>
    </message>
    <message>
        <source>&lt;b&gt;No container selected.&lt;/b&gt; Choose one in the list, or create one with New.</source>
        <translation>&lt;b&gt;선택한 컨테이너가 없습니다.&lt;/b&gt; 목록에서 하나를 고르거나 [새로 만들기]로 만들어 보세요.</translation>
    </message>
    <message>
        <source>exited (OOM killed)</source>
        <extracomment>the header of a container whose main process the kernel's OOM killer ended</extracomment>
        <translation>종료됨 (OOM 강제 종료)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2 &amp;nbsp; &lt;span style='color:%6'&gt;%3 · %4 · %5&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2 &amp;nbsp; &lt;span style='color:%6'&gt;%3 · %4 · %5&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Monitor &amp;&amp; tune</source>
        <translation>보며 조정하기</translation>
    </message>
    <message>
        <source>Live charts with the limits that act on them beside each one</source>
        <translation>실시간 차트마다 그 차트에 영향을 주는 제한을 바로 옆에 두었습니다</translation>
    </message>
    <message>
        <source>%1 on network %2 (%3, gateway %4)</source>
        <translation>%2 네트워크의 %1 (%3, 게이트웨이 %4)</translation>
    </message>
    <message>
        <source>published ports: %1</source>
        <translation>공개한 포트: %1</translation>
    </message>
</context>
<context>
    <name>onggi::gui::CreateDialog</name>
    <message>
        <source>Choose an image, for example busybox.</source>
        <translation>이미지를 고르세요. 예: busybox</translation>
    </message>
    <message>
        <source>The name may use letters, digits, '_', '.' and '-', must start with a letter or digit, and is at most 64 characters long.</source>
        <translation>이름에는 영문자, 숫자, '_', '.', '-'만 쓸 수 있고, 영문자나 숫자로 시작해야 하며, 64자를 넘을 수 없습니다.</translation>
    </message>
    <message>
        <source>The command has an unclosed quote.</source>
        <translation>명령에 닫히지 않은 따옴표가 있습니다.</translation>
    </message>
    <message>
        <source>The hostname must be letters, digits and '-', in labels of at most 63 characters separated by dots.</source>
        <translation>호스트 이름은 영문자, 숫자, '-'로 이루어진 63자 이하의 이름들을 점(.)으로 이어 쓴 것이어야 합니다.</translation>
    </message>
    <message>
        <source>The working directory must be an absolute path.</source>
        <translation>작업 디렉터리는 /로 시작하는 절대 경로여야 합니다.</translation>
    </message>
    <message>
        <source>Environment line %1 is not NAME=value: %2</source>
        <translation>환경 변수 %1번째 줄이 이름=값 형식이 아닙니다: %2</translation>
    </message>
    <message>
        <source>Volume line %1 is not /host/path:/container/path, optionally followed by :ro: %2</source>
        <translation>볼륨 %1번째 줄이 /호스트/경로:/컨테이너/경로 (뒤에 :ro 가능) 형식이 아닙니다: %2</translation>
    </message>
    <message>
        <source>A memory limit below 6 MiB leaves too little for the container to start.</source>
        <translation>메모리 제한이 6 MiB보다 작으면 컨테이너가 시작하기에도 모자랍니다.</translation>
    </message>
    <message>
        <source>Memory high must not be above the memory limit.</source>
        <translation>메모리 회수 기준은 메모리 제한보다 클 수 없습니다.</translation>
    </message>
    <message>
        <source>Memory + swap needs a memory limit and must be at least as large as it.</source>
        <translation>메모리 + 스왑 값을 쓰려면 메모리 제한도 정해야 하고, 그 값은 메모리 제한 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>Unknown capability name: %1</source>
        <translation>알 수 없는 케이퍼빌리티(capability) 이름입니다: %1</translation>
    </message>
    <message>
        <source>A privileged container cannot also use a user namespace here; choose one.</source>
        <translation>특권(privileged) 컨테이너와 사용자 네임스페이스는 함께 쓸 수 없습니다. 하나만 고르세요.</translation>
    </message>
    <message>
        <source>New container</source>
        <translation>새 컨테이너</translation>
    </message>
    <message>
        <source>General</source>
        <translation>일반</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>자원 제한</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>네임스페이스</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>보안</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <extracomment>the container image (its root filesystem), e.g. busybox</extracomment>
        <translation>이미지(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>명령(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Hostname:</source>
        <translation>호스트 이름(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation>작업 디렉터리(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>환경 변수(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Volumes:</source>
        <translation>볼륨(&amp;V):</translation>
    </message>
    <message>
        <source>&amp;Restart:</source>
        <translation>다시 시작(&amp;R):</translation>
    </message>
    <message>
        <source>the image's default, e.g. sh -c 'while true; do date; sleep 1; done'</source>
        <translation>비워 두면 이미지의 기본 명령. 예: sh -c 'while true; do date; sleep 1; done'</translation>
    </message>
    <message>
        <source>generated when empty</source>
        <translation>비워 두면 자동으로 지어 줍니다</translation>
    </message>
    <message>
        <source>the container's name</source>
        <translation>비워 두면 컨테이너 이름</translation>
    </message>
    <message>
        <source>one NAME=value per line</source>
        <translation>한 줄에 하나씩 이름=값</translation>
    </message>
    <message>
        <source>one /host/path:/container/path[:ro] per line</source>
        <translation>한 줄에 하나씩 /호스트/경로:/컨테이너/경로[:ro]</translation>
    </message>
    <message>
        <source>never</source>
        <translation>하지 않음</translation>
    </message>
    <message>
        <source>when it fails</source>
        <translation>실패했을 때</translation>
    </message>
    <message>
        <source>always</source>
        <translation>항상</translation>
    </message>
    <message>
        <source>&amp;Start the container after creating it</source>
        <translation>만든 뒤 바로 시작(&amp;S)</translation>
    </message>
    <message>
        <source>The image provides the container's root filesystem as read-only layers; the container writes to its own upper layer on top (overlay filesystem).</source>
        <translation>이미지는 컨테이너의 루트 파일시스템을 읽기 전용 레이어로 제공합니다. 컨테이너가 쓰는 내용은 그 위에 얹힌 자기만의 상위(upper) 레이어에 기록됩니다(오버레이 파일시스템).</translation>
    </message>
    <message>
        <source>The name the container sees in its own UTS namespace (uname -n).</source>
        <translation>컨테이너가 자기 UTS 네임스페이스 안에서 보게 되는 호스트 이름입니다(uname -n).</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>무제한</translation>
    </message>
    <message>
        <source>CP&amp;U (cores):</source>
        <translation>CPU(&amp;U) (코어):</translation>
    </message>
    <message>
        <source>CPU &amp;weight:</source>
        <translation>CPU 가중치(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation>메모리(&amp;M):</translation>
    </message>
    <message>
        <source>Memory &amp;high:</source>
        <translation>메모리 회수 기준(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Processes:</source>
        <translation>프로세스 수(&amp;P):</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Needs the cgroup v2 memory controller; this host's is on cgroup v1.</source>
        <translation>cgroup v2의 메모리 컨트롤러가 필요한데, 이 호스트의 메모리 컨트롤러는 cgroup v1에 있습니다.</translation>
    </message>
    <message>
        <source>Ne&amp;twork:</source>
        <translation>네트워크(&amp;T):</translation>
    </message>
    <message>
        <source>private (own network namespace, loopback only)</source>
        <translation>독립 (자기 네트워크 네임스페이스, 루프백만)</translation>
    </message>
    <message>
        <source>host (share the host's network)</source>
        <translation>호스트 (호스트의 네트워크를 함께 씀)</translation>
    </message>
    <message>
        <source>none (own namespace, no interfaces up)</source>
        <translation>없음 (자기 네임스페이스, 켜진 인터페이스 없음)</translation>
    </message>
    <message>
        <source>&amp;PID namespace: the container's first process is PID 1 and sees only its own processes</source>
        <translation>PID 네임스페이스(&amp;P): 컨테이너의 첫 프로세스가 PID 1이 되고, 자기 프로세스만 볼 수 있습니다</translation>
    </message>
    <message>
        <source>&amp;IPC namespace: own System V IPC and POSIX message queues</source>
        <translation>IPC 네임스페이스(&amp;I): System V IPC와 POSIX 메시지 큐를 따로 가집니다</translation>
    </message>
    <message>
        <source>&amp;UTS namespace: own hostname</source>
        <translation>UTS 네임스페이스(&amp;U): 호스트 이름을 따로 가집니다</translation>
    </message>
    <message>
        <source>&amp;Cgroup namespace: /proc/self/cgroup shows the container's cgroup as the root</source>
        <translation>cgroup 네임스페이스(&amp;C): /proc/self/cgroup에서 컨테이너의 cgroup이 루트(/)로 보입니다</translation>
    </message>
    <message>
        <source>U&amp;ser namespace: root inside is an unprivileged user outside</source>
        <translation>사용자 네임스페이스(&amp;S): 안에서는 root이지만 밖에서는 권한 없는 사용자입니다</translation>
    </message>
    <message>
        <source>&amp;Seccomp:</source>
        <translation>seccomp(&amp;S):</translation>
    </message>
    <message>
        <source>default profile (blocks dangerous system calls)</source>
        <translation>기본 프로파일 (위험한 시스템 콜을 막음)</translation>
    </message>
    <message>
        <source>unconfined (no system call filter)</source>
        <translation>제한 없음 (시스템 콜 필터 없음)</translation>
    </message>
    <message>
        <source>&amp;Drop capabilities:</source>
        <translation>뺄 케이퍼빌리티(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Add capabilities:</source>
        <translation>더할 케이퍼빌리티(&amp;A):</translation>
    </message>
    <message>
        <source>e.g. NET_RAW, SYS_CHROOT</source>
        <translation>예: NET_RAW, SYS_CHROOT</translation>
    </message>
    <message>
        <source>e.g. NET_ADMIN</source>
        <translation>예: NET_ADMIN</translation>
    </message>
    <message>
        <source>&amp;Read-only root filesystem</source>
        <translation>루트 파일시스템을 읽기 전용으로(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Privileged (all capabilities, no seccomp: unsafe)</source>
        <translation>특권 모드(&amp;P) (모든 케이퍼빌리티, seccomp 없음: 위험)</translation>
    </message>
    <message>
        <source>Another container is already called "%1". Choose another name, or leave it empty for a generated one.</source>
        <translation>같은 이름("%1")의 컨테이너가 이미 있습니다. 다른 이름을 고르거나, 비워 두어 이름을 자동으로 만드세요.</translation>
    </message>
    <message>
        <source>There is no image called "%1". Choose one from the list.</source>
        <translation>없는 이미지입니다: "%1". 목록에서 고르세요.</translation>
    </message>
    <message>
        <source>Details from the service: %1</source>
        <translation>서비스가 보낸 자세한 내용: %1</translation>
    </message>
    <message>
        <source>Memory + sw&amp;ap:</source>
        <translation>메모리 + 스왑(&amp;A):</translation>
    </message>
    <message>
        <source>Ti&amp;me namespace: own monotonic and boot clocks</source>
        <translation>시간 네임스페이스(&amp;M): monotonic 시계와 부팅 시계를 따로 가집니다</translation>
    </message>
    <message>
        <source>Port %1: a port is a number from 1 to 65535.</source>
        <translation>포트 %1: 포트 번호는 1부터 65535 사이의 수입니다.</translation>
    </message>
    <message>
        <source>Port %1: the protocol is tcp or udp.</source>
        <translation>포트 %1: 프로토콜은 tcp나 udp만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Port %1: the host address is not an IPv4 address.</source>
        <translation>포트 %1: 호스트 주소가 IPv4 주소가 아닙니다.</translation>
    </message>
    <message>
        <source>Port %1 is not [address:][host port:]container port[/tcp|/udp].</source>
        <translation>포트 %1의 형식이 맞지 않습니다. [주소:][호스트 포트:]컨테이너 포트[/tcp|/udp] 꼴로 적어 주세요.</translation>
    </message>
    <message>
        <source>Host ports that lead to the container, e.g. 8080:80 for the container's port 80 on the host's port 8080; several separated by spaces</source>
        <translation>컨테이너로 이어지는 호스트 포트입니다. 예를 들어 8080:80이라고 적으면 호스트의 8080번 포트가 컨테이너의 80번 포트로 이어집니다. 여러 개는 띄어 써서 적습니다</translation>
    </message>
    <message>
        <source>Publish p&amp;orts:</source>
        <translation>포트 공개(&amp;O):</translation>
    </message>
    <message>
        <source>CPU time per 100 ms period (cgroup v1 %1, v2 %2).</source>
        <translation>100 ms 주기마다 쓸 수 있는 CPU 시간입니다 (cgroup v1 %1, v2 %2).</translation>
    </message>
    <message>
        <source>Relative share under contention (cgroup v1 %1, v2 %2).</source>
        <translation>CPU를 두고 경쟁할 때 받는 상대적인 몫입니다 (cgroup v1 %1, v2 %2).</translation>
    </message>
    <message>
        <source>Hard limit; the OOM killer acts above it (cgroup v1 %1, v2 %2).</source>
        <translation>넘을 수 없는 한도입니다. 넘으면 OOM 킬러가 나섭니다 (cgroup v1 %1, v2 %2).</translation>
    </message>
    <message>
        <source>Throttling threshold (cgroup v2 %1).</source>
        <translation>이 값을 넘으면 메모리 할당을 늦추고 회수합니다 (cgroup v2 %1).</translation>
    </message>
    <message>
        <source>Memory plus swap (cgroup v1 %1, v2 %2).</source>
        <translation>메모리와 스왑을 합친 한도입니다 (cgroup v1 %1, v2 %2).</translation>
    </message>
    <message>
        <source>bridge (the default network: an address, outbound NAT, published ports)</source>
        <translation>브리지 (기본 네트워크: 주소, 바깥으로 나가는 NAT, 포트 공개)</translation>
    </message>
    <message>
        <source>%1 (default network, %2)</source>
        <extracomment>A network in the create dialog: %1 its name, %2 its subnet (10.88.0.0/24)</extracomment>
        <translation>%1 (기본 네트워크, %2)</translation>
    </message>
    <message>
        <source>%1 (network, %2)</source>
        <translation>%1 (네트워크, %2)</translation>
    </message>
    <message>
        <source>Bridge %1, gateway %2: an address on %3, outbound NAT, published ports</source>
        <translation>브리지 %1, 게이트웨이 %2: %3 대역의 주소, 바깥으로 나가는 NAT, 포트 공개</translation>
    </message>
    <message>
        <source>Publishing ports needs a network (Network above), not private, none or host.</source>
        <translation>포트를 공개하려면 위의 네트워크에서 독립, 없음, 호스트가 아닌 네트워크를 골라야 합니다.</translation>
    </message>
    <message>
        <source>Publish every port the image e&amp;xposes, each on a free host port</source>
        <translation>이미지가 여는 포트를 모두 빈 호스트 포트로 공개(&amp;X)</translation>
    </message>
    <message>
        <source>As onggictl run -P: the ports the image's EXPOSE names; the container's page shows the host ports they got</source>
        <translation>onggictl run -P와 같습니다. 이미지의 EXPOSE에 적힌 포트를 공개하며, 어느 호스트 포트를 받았는지는 컨테이너 화면에서 볼 수 있습니다</translation>
    </message>
    <message>
        <source>Most processes and threads (%1).</source>
        <translation>만들 수 있는 프로세스와 스레드의 최대 개수입니다 (%1).</translation>
    </message>
</context>
<context>
    <name>onggi::gui::DashboardPage</name>
    <message>
        <source>Host overview</source>
        <translation>호스트 한눈에 보기</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>컨테이너</translation>
    </message>
    <message>
        <source>CPU use, containers stacked</source>
        <translation>CPU 사용량 (컨테이너별로 쌓아서)</translation>
    </message>
    <message>
        <source>Memory use, containers stacked</source>
        <translation>메모리 사용량 (컨테이너별로 쌓아서)</translation>
    </message>
    <message>
        <source>Top consumers</source>
        <translation>많이 쓰는 컨테이너</translation>
    </message>
    <message>
        <source>Recent events</source>
        <translation>최근 이벤트</translation>
    </message>
    <message>
        <source>Double-click a container to open it.</source>
        <translation>컨테이너를 두 번 누르면 그 컨테이너 화면으로 갑니다.</translation>
    </message>
    <message>
        <source>Double-click an event to open its container.</source>
        <translation>이벤트를 두 번 누르면 그 컨테이너 화면으로 갑니다.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n CPU(s)</source>
        <extracomment>host CPU use, e.g. "57 % of 2 CPUs"; 100 % is one CPU</extracomment>
        <translation>
            <numerusform>CPU %n개 중 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 중 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n CPU(s)</source>
        <translation>
            <numerusform>CPU %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>containers: %1 (100 % is one CPU)</source>
        <translation>컨테이너: %1 (CPU 1개 = 100 %)</translation>
    </message>
    <message>
        <source>containers: %1 (with their page cache)</source>
        <translation>컨테이너: %1 (페이지 캐시 포함)</translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>실행 중 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 paused · %2 stopped · %3 created</source>
        <translation>일시 정지 %1 · 종료 %2 · 생성만 됨 %3</translation>
    </message>
    <message>
        <source>Chart scal&amp;e:</source>
        <extracomment>the dashboard charts' y axis: fitted to the containers, or to scale with the whole host</extracomment>
        <translation>차트 눈금(&amp;E):</translation>
    </message>
    <message>
        <source>Fit the containers</source>
        <translation>컨테이너에 맞춤</translation>
    </message>
    <message>
        <source>The whole host</source>
        <translation>호스트 전체 기준</translation>
    </message>
    <message>
        <source>Fit: the axis ends just above the containers' use, so small containers show; the host's line runs along the top with its value in the legend. The whole host: to scale with all CPUs and all memory.</source>
        <translation>컨테이너에 맞춤: 세로축이 컨테이너 사용량 바로 위에서 끝나서 작은 컨테이너도 잘 보입니다. 호스트 전체를 나타내는 선은 위쪽 가장자리를 따라 그려지고 그 값은 범례에 나옵니다. 호스트 전체 기준: 모든 CPU와 모든 메모리에 비례해 그립니다.</translation>
    </message>
</context>
<context>
    <name>onggi::gui::EventListModel</name>
    <message>
        <source>Out of memory: the kernel ended a process</source>
        <translation>메모리 부족: 커널이 프로세스를 강제로 끝냄</translation>
    </message>
    <message>
        <source>Exited normally (code 0)</source>
        <translation>정상 종료 (코드 0)</translation>
    </message>
    <message>
        <source>Ended by SIGKILL (code 137)</source>
        <translation>SIGKILL 신호로 끝남 (코드 137)</translation>
    </message>
    <message>
        <source>Ended by SIGTERM (code 143)</source>
        <translation>SIGTERM 신호로 끝남 (코드 143)</translation>
    </message>
    <message>
        <source>Exited with code %1</source>
        <translation>종료됨 (종료 코드 %1)</translation>
    </message>
    <message>
        <source>Restarted by its restart policy</source>
        <translation>재시작 정책에 따라 다시 시작됨</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>시작됨</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>다시 실행됨</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>만들어짐</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>삭제됨</translation>
    </message>
    <message>
        <source>Time</source>
        <extracomment>the time of an event</extracomment>
        <translation>시각</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>컨테이너</translation>
    </message>
    <message>
        <source>Event</source>
        <extracomment>what happened to the container</extracomment>
        <translation>이벤트</translation>
    </message>
</context>
<context>
    <name>onggi::gui::HelperAbsentPage</name>
    <message>
        <source>&amp;Try again</source>
        <translation>다시 시도(&amp;T)</translation>
    </message>
    <message>
        <source>Connecting to the Onggi service…</source>
        <translation>옹기 서비스에 연결하는 중…</translation>
    </message>
    <message>
        <source>Onggi talks to onggi-helper, a small service that runs as root and creates containers on its behalf, through %1.</source>
        <translation>옹기는 소켓 %1 너머의 onggi-helper와 이야기합니다. onggi-helper는 root 권한으로 실행되며 옹기를 대신해 컨테이너를 만드는 작은 서비스입니다.</translation>
    </message>
    <message>
        <source>The Onggi service is not running</source>
        <translation>옹기 서비스가 실행되고 있지 않습니다</translation>
    </message>
    <message>
        <source>Nothing answers at %1. Containers need root to create namespaces and control groups, so Onggi leaves that to onggi-helper, a system service. Start it, and this window connects by itself.</source>
        <translation>%1에서 아무도 응답하지 않습니다. 네임스페이스와 컨트롤 그룹(cgroup)을 만들려면 root 권한이 필요해서, 옹기는 그 일을 시스템 서비스인 onggi-helper에게 맡깁니다. 서비스를 시작하면 이 창이 알아서 연결됩니다.</translation>
    </message>
    <message>
        <source>sudo systemctl start onggi-helper
# start it at every boot:
sudo systemctl enable onggi-helper</source>
        <translation>sudo systemctl start onggi-helper
# 부팅할 때마다 자동으로 시작하려면:
sudo systemctl enable onggi-helper</translation>
    </message>
    <message>
        <source>You are not allowed to use the Onggi service</source>
        <translation>옹기 서비스를 사용할 권한이 없습니다</translation>
    </message>
    <message>
        <source>onggi-helper accepts root and the members of the group "onggi" only, because whoever controls containers can act as root on this machine. Join the group, then log out and in again so that your session has the new group.</source>
        <translation>onggi-helper는 root와 "onggi" 그룹의 구성원만 받아들입니다. 컨테이너를 다룰 수 있으면 이 컴퓨터에서 root처럼 행동할 수 있기 때문입니다. 그룹에 가입한 다음, 로그아웃했다가 다시 로그인해야 새 그룹이 세션에 반영됩니다.</translation>
    </message>
    <message>
        <source>sudo usermod -aG onggi $USER
# then log out and log in again (or run: newgrp onggi)</source>
        <translation>sudo usermod -aG onggi $USER
# 그런 다음 로그아웃했다가 다시 로그인하세요 (또는 newgrp onggi 실행)</translation>
    </message>
    <message>
        <source>The Onggi service speaks another protocol version</source>
        <translation>옹기 서비스의 프로토콜 버전이 다릅니다</translation>
    </message>
    <message>
        <source>This app and onggi-helper come from different versions. Install matching versions and restart the service.</source>
        <translation>이 앱과 onggi-helper의 버전이 서로 다릅니다. 같은 버전을 설치하고 서비스를 다시 시작하세요.</translation>
    </message>
    <message>
        <source>sudo systemctl restart onggi-helper</source>
        <translation>sudo systemctl restart onggi-helper</translation>
    </message>
    <message>
        <source>The connection to the Onggi service was lost</source>
        <translation>옹기 서비스와의 연결이 끊어졌습니다</translation>
    </message>
    <message>
        <source>onggi-helper stopped or restarted. Your containers keep running: each has its own supervisor. Onggi reconnects as soon as the service is back.</source>
        <translation>onggi-helper가 멈췄거나 다시 시작되었습니다. 컨테이너마다 감시 프로세스(shim)가 따로 있어서 컨테이너는 계속 실행됩니다. 서비스가 돌아오면 옹기가 바로 다시 연결합니다.</translation>
    </message>
    <message>
        <source>sudo systemctl status onggi-helper</source>
        <translation>sudo systemctl status onggi-helper</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>자세한 내용: %1</translation>
    </message>
</context>
<context>
    <name>onggi::gui::HostOverviewModel</name>
    <message>
        <source>Container</source>
        <extracomment>the name of a container</extracomment>
        <translation>컨테이너</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
</context>
<context>
    <name>onggi::gui::ImagesPage</name>
    <message>
        <source>&amp;Pull…</source>
        <translation>받기(&amp;P)…</translation>
    </message>
    <message>
        <source>Download an image from a registry</source>
        <translation>레지스트리에서 이미지를 내려받습니다</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>삭제(&amp;M)</translation>
    </message>
    <message>
        <source>Remove the selected image from the store</source>
        <translation>선택한 이미지를 저장소에서 지웁니다</translation>
    </message>
    <message>
        <source>R&amp;efresh</source>
        <translation>새로 고침(&amp;E)</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>Layers of the selected image (bottom first)</source>
        <translation>선택한 이미지의 레이어 (아래에서부터)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>이미지 ID</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>공유</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>만든 때</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>컨테이너</translation>
    </message>
    <message>
        <source>Bytes of this image's layers that other images use too</source>
        <translation>이 이미지의 레이어 가운데 다른 이미지도 함께 쓰는 바이트 수</translation>
    </message>
    <message>
        <source>Layer (diff ID)</source>
        <translation>레이어 (diff ID)</translation>
    </message>
    <message>
        <source>Also used by</source>
        <translation>함께 쓰는 이미지</translation>
    </message>
    <message>
        <source>Each layer is counted once, however many images share it</source>
        <translation>여러 이미지가 함께 쓰는 레이어도 한 번만 셉니다</translation>
    </message>
    <message>
        <source>The containers' writable layers (what they changed)</source>
        <translation>컨테이너의 쓰기 가능한 레이어 (컨테이너가 바꾼 내용)</translation>
    </message>
    <message>
        <source>What removing unused images and stopped containers would free</source>
        <translation>쓰지 않는 이미지와 멈춘 컨테이너를 지우면 비워지는 공간</translation>
    </message>
    <message>
        <source>Could not list the images</source>
        <translation>이미지 목록을 가져오지 못했습니다</translation>
    </message>
    <message>
        <source>Images: %1 (%2 in use), %3</source>
        <translation>이미지: %1개 (사용 중 %2개), %3</translation>
    </message>
    <message>
        <source>Containers: %1 (%2 running), %3</source>
        <translation>컨테이너: %1개 (실행 중 %2개), %3</translation>
    </message>
    <message>
        <source>Reclaimable: %1</source>
        <translation>되찾을 수 있는 공간: %1</translation>
    </message>
    <message>
        <source>%1 shared with other images, %2 only this one's</source>
        <translation>다른 이미지와 공유 %1, 이 이미지만의 것 %2</translation>
    </message>
    <message>
        <source>Could not read the image's layers</source>
        <translation>이미지의 레이어를 읽지 못했습니다</translation>
    </message>
    <message>
        <source>only this image</source>
        <translation>이 이미지만 씀</translation>
    </message>
    <message>
        <source>Remove image</source>
        <translation>이미지 삭제</translation>
    </message>
    <message>
        <source>Remove the image %1?</source>
        <translation>%1 이미지를 삭제할까요?</translation>
    </message>
    <message>
        <source>Its layers are deleted unless another image uses them. The built-in image comes back when the helper next starts.</source>
        <translation>다른 이미지가 쓰지 않는 레이어는 함께 지워집니다. 내장 이미지는 onggi-helper가 다음에 시작할 때 다시 생깁니다.</translation>
    </message>
    <message>
        <source>Its layers are deleted unless another image uses them. A registry can give it back with Pull.</source>
        <translation>다른 이미지가 쓰지 않는 레이어는 함께 지워집니다. 레지스트리에 있는 이미지라면 받기로 다시 가져올 수 있습니다.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>삭제(&amp;R)</translation>
    </message>
    <message>
        <source>The image %1 is used by a container. Remove the container first.</source>
        <translation>%1 이미지를 쓰는 컨테이너가 있습니다. 먼저 그 컨테이너를 삭제하세요.</translation>
    </message>
    <message numerus="yes">
        <source>The image %1 is used by %n container(s): %2. Remove them first.</source>
        <translation>
            <numerusform>%1 이미지를 컨테이너 %n개가 쓰고 있습니다: %2. 먼저 그 컨테이너를 삭제하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only root may remove images: every user of this computer shares them.</source>
        <translation>이미지는 이 컴퓨터의 모든 사용자가 함께 쓰므로 root만 삭제할 수 있습니다.</translation>
    </message>
    <message>
        <source>Could not remove the image %1: %2</source>
        <translation>%1 이미지를 삭제하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>Image not removed</source>
        <translation>이미지를 삭제하지 않음</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the selected image to a tar archive (as docker save writes it)</source>
        <translation>선택한 이미지를 tar 아카이브로 저장합니다 (docker save와 같은 형식)</translation>
    </message>
    <message>
        <source>&amp;Load…</source>
        <translation>불러오기(&amp;L)…</translation>
    </message>
    <message>
        <source>Load images from a tar archive (docker save or OCI layout)</source>
        <translation>tar 아카이브에서 이미지를 불러옵니다 (docker save 또는 OCI 레이아웃)</translation>
    </message>
    <message>
        <source>Save image</source>
        <translation>이미지 저장</translation>
    </message>
    <message>
        <source>Tar archives (*.tar);;All files (*)</source>
        <translation>tar 아카이브 (*.tar);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Load images</source>
        <translation>이미지 불러오기</translation>
    </message>
    <message>
        <source>Image archives (*.tar *.tar.gz *.tgz *.tar.zst);;All files (*)</source>
        <translation>이미지 아카이브 (*.tar *.tar.gz *.tgz *.tar.zst);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Saving %1 to %2…</source>
        <translation>%1 이미지를 %2 파일로 저장하는 중…</translation>
    </message>
    <message>
        <source>Could not save the image %1</source>
        <translation>%1 이미지를 저장하지 못했습니다</translation>
    </message>
    <message>
        <source>Saved %1 to %2 (%3).</source>
        <translation>%1 이미지를 %2 파일로 저장했습니다 (%3).</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 파일에서 불러오는 중…</translation>
    </message>
    <message>
        <source>Could not load %1</source>
        <translation>%1 파일을 불러오지 못했습니다</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n image(s) from %1: %2</source>
        <translation>
            <numerusform>%1 파일에서 이미지 %n개를 불러왔습니다: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %3 중 %2</translation>
    </message>
    <message>
        <source>Only root may load images: their names are shared by every user of this computer.</source>
        <translation>이미지는 root만 불러올 수 있습니다. 이미지 이름은 이 컴퓨터의 모든 사용자가 함께 쓰기 때문입니다.</translation>
    </message>
    <message>
        <source>Images not loaded</source>
        <translation>이미지를 불러오지 못함</translation>
    </message>
    <message>
        <source>Image not saved</source>
        <translation>이미지를 저장하지 못함</translation>
    </message>
</context>
<context>
    <name>onggi::gui::LayerStackView</name>
    <message>
        <source>writable · %1</source>
        <translation>쓰기 레이어 · %1</translation>
    </message>
    <message>
        <source>No images yet.</source>
        <translation>아직 이미지가 없습니다.</translation>
    </message>
    <message>
        <source>image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>container, running</source>
        <translation>컨테이너, 실행 중</translation>
    </message>
    <message>
        <source>container, paused</source>
        <translation>컨테이너, 일시 정지됨</translation>
    </message>
    <message>
        <source>container, created</source>
        <translation>컨테이너, 만들어짐</translation>
    </message>
    <message>
        <source>container, stopped</source>
        <translation>컨테이너, 멈춤</translation>
    </message>
    <message>
        <source>The writable layer of %1: what it changed, %2. Click to list the files.</source>
        <translation>%1의 쓰기 레이어: 이 컨테이너가 바꾼 내용으로, %2입니다. 누르면 파일 목록을 봅니다.</translation>
    </message>
    <message>
        <source>size not known</source>
        <translation>크기 모름</translation>
    </message>
    <message>
        <source>Layer %1, %2: stored once on disk.</source>
        <translation>레이어 %1, %2: 디스크에는 한 번만 저장됩니다.</translation>
    </message>
    <message numerus="yes">
        <source>Images using it: %n</source>
        <translation>
            <numerusform>이 레이어를 쓰는 이미지: %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Containers using it: %n</source>
        <translation>
            <numerusform>이 레이어를 쓰는 컨테이너: %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onggi::gui::LayersDialog</name>
    <message>
        <source>Layers on disk: %1 · images: %2 · containers: %3</source>
        <translation>디스크의 레이어: %1 · 이미지: %2 · 컨테이너: %3</translation>
    </message>
    <message>
        <source>Layer %1 (%2), read-only, used by:</source>
        <translation>레이어 %1 (%2, 읽기 전용)을 쓰는 곳:</translation>
    </message>
    <message>
        <source>size not known</source>
        <translation>크기 모름</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>이미지 %1</translation>
    </message>
    <message>
        <source>container %1</source>
        <translation>컨테이너 %1</translation>
    </message>
    <message>
        <source>Writable layer of %1 (%2): the files it changed</source>
        <translation>%1의 쓰기 레이어 (%2): 바뀐 파일</translation>
    </message>
    <message>
        <source>Start the container to list the files it changed.</source>
        <translation>바뀐 파일 목록은 컨테이너를 시작하면 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Nothing changed yet: every file comes from the layers below.</source>
        <translation>아직 바뀐 것이 없습니다. 모든 파일이 아래 레이어에서 옵니다.</translation>
    </message>
    <message>
        <source>deleted (a whiteout hides it)</source>
        <translation>삭제됨 (화이트아웃이 가림)</translation>
    </message>
    <message>
        <source>directory replaced (opaque)</source>
        <translation>디렉터리 교체됨 (불투명)</translation>
    </message>
    <message>
        <source>directory</source>
        <translation>디렉터리</translation>
    </message>
    <message>
        <source>symbolic link</source>
        <translation>심볼릭 링크</translation>
    </message>
    <message>
        <source>changed (copied up), %1</source>
        <translation>바뀜 (위로 복사됨), %1</translation>
    </message>
    <message>
        <source>new, %1</source>
        <translation>새 파일, %1</translation>
    </message>
    <message>
        <source>(more changes not listed)</source>
        <translation>(나머지 변경은 목록에 없음)</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>레이어</translation>
    </message>
    <message>
        <source>Each column is an image or a container, its layers from the bottom up. A layer is stored once and drawn in the same colour wherever it is used; a container adds its own writable layer on top (dashed). Click a layer to see who uses it, a writable layer to see its files.</source>
        <translation>열 하나가 이미지나 컨테이너 하나이고, 레이어는 아래에서 위로 쌓입니다. 레이어는 디스크에 한 번만 저장되며 어디에서 쓰이든 같은 색으로 그려집니다. 컨테이너는 맨 위에 자기만의 쓰기 레이어(점선)을 얹습니다. 레이어를 누르면 그 레이어를 쓰는 곳을, 쓰기 레이어을 누르면 바뀐 파일을 봅니다.</translation>
    </message>
    <message>
        <source>Click a layer.</source>
        <translation>레이어를 누르세요.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>닫기(&amp;C)</translation>
    </message>
</context>
<context>
    <name>onggi::gui::LearnPanel</name>
    <message>
        <source>en</source>
        <comment>lesson language code</comment>
        <extracomment>The folder of lessons (resources/lessons/&lt;code&gt;/) to show with this translation: "ko" or "en".</extracomment>
        <translation>ko</translation>
    </message>
    <message>
        <source>What the kernel says: select a running container.</source>
        <translation>커널이 말하는 것: 실행 중인 컨테이너를 고르세요.</translation>
    </message>
    <message>
        <source>What the kernel says about "%1" now (read every second while shown)</source>
        <translation>커널이 지금 "%1"에 대해 말하는 것 (보이는 동안 1초마다 읽음)</translation>
    </message>
    <message>
        <source>The container is not running: start it to see the kernel's view.</source>
        <translation>컨테이너가 실행 중이 아닙니다. 시작하면 커널이 보는 모습이 나타납니다.</translation>
    </message>
</context>
<context>
    <name>onggi::gui::LimitsPanel</name>
    <message>
        <source>The container uses %1 now, more than the new limit of %2. The kernel will first try to reclaim memory (page cache, swap); if that is not enough, the OOM killer may end processes in the container.</source>
        <translation>컨테이너가 지금 쓰는 메모리(%1)가 새 제한 %2보다 많습니다. 커널은 먼저 메모리를 회수하려고(페이지 캐시, 스왑) 하고, 그래도 모자라면 OOM 킬러가 컨테이너 안의 프로세스를 강제로 끝낼 수 있습니다.</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>무제한</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>자원 제한</translation>
    </message>
    <message>
        <source>Changes apply at once to the running container's control group (cgroup) and are kept for its next start. Watch the charts to see the effect.</source>
        <translation>바꾼 값은 실행 중인 컨테이너의 컨트롤 그룹(cgroup)에 바로 적용되고, 다음에 시작할 때도 그대로 쓰입니다. 차트에서 효과를 확인해 보세요.</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>cores</source>
        <translation>코어</translation>
    </message>
    <message>
        <source>CPU weight</source>
        <translation>CPU 가중치</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>Not available here: the memory controller of this host is on cgroup v1.</source>
        <translation>여기서는 쓸 수 없습니다: 이 호스트의 메모리 컨트롤러는 cgroup v1에 있습니다.</translation>
    </message>
    <message>
        <source>Memory high</source>
        <translation>메모리 회수 기준</translation>
    </message>
    <message>
        <source>Memory + swap</source>
        <translation>메모리 + 스왑</translation>
    </message>
    <message>
        <source>Processes</source>
        <extracomment>the value is not known yet (shown in a number field until the first measurement)</extracomment>
        <translation>프로세스 수</translation>
    </message>
    <message>
        <source>Disk read</source>
        <translation>디스크 읽기</translation>
    </message>
    <message>
        <source>MiB/s</source>
        <translation>MiB/s</translation>
    </message>
    <message>
        <source>Disk write</source>
        <translation>디스크 쓰기</translation>
    </message>
    <message>
        <source>Block &amp;device (major:minor):</source>
        <translation>블록 장치(&amp;D) (major:minor):</translation>
    </message>
    <message>
        <source>I/O limits apply per block device, named by its major:minor numbers (see lsblk).</source>
        <translation>I/O 제한은 블록 장치마다 걸리며, 장치는 major:minor 번호로 가리킵니다(lsblk로 확인).</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>How much CPU time the container may use, in cores: 0.5 means half of one core. The kernel's CFS bandwidth control lets the group run for a quota of time in every 100 ms period and then throttles it.
cgroup v1: %1 / %2
cgroup v2: %3</source>
        <translation>컨테이너가 쓸 수 있는 CPU 시간을 코어 단위로 정합니다. 0.5는 코어 하나의 절반입니다. 커널의 CFS 대역폭 제어는 100 ms 주기마다 할당량만큼만 그룹을 실행하고, 다 쓰면 다음 주기까지 멈춰 세웁니다(스로틀링).
cgroup v1: %1 / %2
cgroup v2: %3</translation>
    </message>
    <message>
        <source>The container's share of CPU time when several groups compete for it (default 100). It limits nothing while CPUs are idle.
cgroup v1: %1 (weight × 1024 / 100)
cgroup v2: %2</source>
        <translation>여러 그룹이 CPU를 두고 경쟁할 때 이 컨테이너가 받는 몫입니다(기본값 100). CPU가 놀고 있을 때는 아무것도 제한하지 않습니다.
cgroup v1: %1 (가중치 × 1024 / 100)
cgroup v2: %2</translation>
    </message>
    <message>
        <source>The hard memory limit. Above it the kernel reclaims the group's memory, and when nothing more can be reclaimed the OOM killer ends a process in the container.
cgroup v1: %1
cgroup v2: %2</source>
        <translation>넘을 수 없는 메모리 한도입니다. 이 값에 닿으면 커널이 그룹의 메모리를 회수하고, 더 회수할 것이 없으면 OOM 킬러가 컨테이너 안의 프로세스 하나를 강제로 끝냅니다.
cgroup v1: %1
cgroup v2: %2</translation>
    </message>
    <message>
        <source>The soft ceiling: above it the kernel throttles the group's allocations and reclaims memory hard, but never kills.
cgroup v1: (none)
cgroup v2: %1</source>
        <translation>부드러운 상한입니다. 이 값을 넘으면 커널이 그룹의 메모리 할당을 늦추고 적극적으로 회수하지만, 프로세스를 죽이지는 않습니다.
cgroup v1: (없음)
cgroup v2: %1</translation>
    </message>
    <message>
        <source>Memory plus swap together, as in docker --memory-swap; it must be at least the memory limit.
cgroup v1: %1
cgroup v2: %2 (swap only: this value minus the memory limit)</source>
        <translation>docker의 --memory-swap처럼 메모리와 스왑을 합친 한도입니다. 메모리 제한 이상이어야 합니다.
cgroup v1: %1
cgroup v2: %2 (스왑만 따로: 이 값에서 메모리 제한을 뺀 값)</translation>
    </message>
    <message>
        <source>The most processes and threads the container may have; fork() fails with EAGAIN beyond it (stops fork bombs).
cgroup v1: %1
cgroup v2: %2</source>
        <translation>컨테이너가 가질 수 있는 프로세스와 스레드의 최대 개수입니다. 넘으면 fork()가 EAGAIN으로 실패합니다(포크 폭탄을 막아 줍니다).
cgroup v1: %1
cgroup v2: %2</translation>
    </message>
    <message>
        <source>Read bandwidth from the block device below, in bytes per second.
cgroup v1: %1
cgroup v2: %2 (rbps)</source>
        <translation>아래 블록 장치에서 읽는 속도의 한도(초당 바이트)입니다.
cgroup v1: %1
cgroup v2: %2 (rbps)</translation>
    </message>
    <message>
        <source>Write bandwidth to the block device below, in bytes per second. Buffered writes are throttled only on cgroup v2.
cgroup v1: %1
cgroup v2: %2 (wbps)</source>
        <translation>아래 블록 장치에 쓰는 속도의 한도(초당 바이트)입니다. 버퍼를 거치는 쓰기는 cgroup v2에서만 제한됩니다.
cgroup v1: %1
cgroup v2: %2 (wbps)</translation>
    </message>
</context>
<context>
    <name>onggi::gui::LogsView</name>
    <message>
        <source>Search the log…</source>
        <translation>로그에서 찾기…</translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation>따라가기(&amp;F)</translation>
    </message>
    <message>
        <source>Keep showing new lines as the container writes them</source>
        <translation>컨테이너가 새 줄을 쓰는 대로 계속 보여 줍니다</translation>
    </message>
</context>
<context>
    <name>onggi::gui::MainWindow</name>
    <message>
        <source>About Onggi</source>
        <translation>옹기 정보</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Onggi %1&lt;/h3&gt;&lt;p&gt;A desktop container manager for Linux that shows how containers work: namespaces, control groups, layered filesystems, capabilities and seccomp.&lt;/p&gt;&lt;p&gt;Onggi (옹기) are the breathing earthenware jars of Korean kitchens.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;옹기 %1&lt;/h3&gt;&lt;p&gt;컨테이너가 어떻게 동작하는지 보여 주는 리눅스 데스크톱 컨테이너 관리자입니다: 네임스페이스, 컨트롤 그룹(cgroup), 레이어 파일시스템, 케이퍼빌리티, seccomp.&lt;/p&gt;&lt;p&gt;옹기는 숨 쉬는 우리 장독대의 질그릇입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Onggi — containers</source>
        <translation>옹기 — 컨테이너</translation>
    </message>
    <message>
        <source>Container actions</source>
        <translation>컨테이너 작업</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>새로 만들기(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a new container</source>
        <translation>새 컨테이너를 만듭니다</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>시작(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>중지(&amp;T)</translation>
    </message>
    <message>
        <source>Send SIGTERM, then SIGKILL after 10 seconds</source>
        <translation>SIGTERM을 보내고, 10초 뒤에도 살아 있으면 SIGKILL을 보냅니다</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>재개(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>일시 정지(&amp;P)</translation>
    </message>
    <message>
        <source>Freeze or thaw every process of the container (cgroup freezer)</source>
        <translation>컨테이너의 모든 프로세스를 얼리거나 녹입니다 (cgroup freezer)</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>다시 시작(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>삭제(&amp;M)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>새로 고침(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Onggi</source>
        <translation>옹기 정보(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Container</source>
        <translation>컨테이너(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>시스템 언어(&amp;S)</translation>
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
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Filter by name, image or state…</source>
        <translation>이름, 이미지, 상태로 거르기…</translation>
    </message>
    <message>
        <source>the service speaks protocol %1, this app %2</source>
        <translation>프로토콜 버전이 다릅니다: 서비스 %1, 이 앱 %2</translation>
    </message>
    <message>
        <source>Out of memory in "%1"</source>
        <translation>"%1" 컨테이너의 메모리가 부족합니다</translation>
    </message>
    <message>
        <source>The kernel's OOM killer ended a process in container "%1" because it reached its memory limit. Raise the limit in the Limits tab if it needs more.</source>
        <translation>"%1" 컨테이너가 메모리 제한에 닿아서 커널의 OOM 킬러가 프로세스 하나를 강제로 끝냈습니다. 메모리가 더 필요하다면 [자원 제한] 탭에서 한도를 올려 주세요.</translation>
    </message>
    <message>
        <source>Limits applied</source>
        <translation>자원 제한을 적용했습니다</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1에 연결하는 중…</translation>
    </message>
    <message>
        <source>Not connected to the Onggi service</source>
        <translation>옹기 서비스에 연결되어 있지 않습니다</translation>
    </message>
    <message>
        <source>Connected to onggi-helper %1</source>
        <translation>onggi-helper %1에 연결됨</translation>
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
        <translation>cgroup 혼합 모드 (v1 컨트롤러)</translation>
    </message>
    <message numerus="yes">
        <source>%1 · Linux %2 · %n CPU(s) · %3</source>
        <translation>
            <numerusform>%1 · 리눅스 %2 · CPU %n개 · %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation>
            <numerusform>컨테이너 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n개 실행 중</numerusform>
        </translation>
    </message>
    <message>
        <source>Container "%1" is running. Stop it and remove it with everything it wrote (its upper layer and logs)?</source>
        <translation>"%1" 컨테이너가 실행 중입니다. 멈추고, 컨테이너가 쓴 모든 것(상위 레이어와 로그)과 함께 삭제할까요?</translation>
    </message>
    <message>
        <source>Remove container "%1" with everything it wrote (its upper layer and logs)?</source>
        <translation>"%1" 컨테이너를 그것이 쓴 모든 것(상위 레이어와 로그)과 함께 삭제할까요?</translation>
    </message>
    <message>
        <source>Remove container</source>
        <translation>컨테이너 삭제</translation>
    </message>
    <message>
        <source>&amp;Host overview</source>
        <translation>호스트 한눈에 보기(&amp;H)</translation>
    </message>
    <message>
        <source>The whole host: CPU and memory, top consumers, recent events</source>
        <translation>호스트 전체: CPU와 메모리, 많이 쓰는 컨테이너, 최근 이벤트</translation>
    </message>
    <message>
        <source>&amp;Networks…</source>
        <translation>네트워크(&amp;N)…</translation>
    </message>
    <message>
        <source>Networks, their members, and what the kernel has for them</source>
        <translation>네트워크와 거기에 연결된 컨테이너, 그리고 커널이 실제로 가진 설정</translation>
    </message>
    <message>
        <source>&amp;Images</source>
        <translation>이미지(&amp;I)</translation>
    </message>
    <message>
        <source>The images in the store: their layers, sizes, pull and remove</source>
        <translation>저장소의 이미지: 레이어와 크기를 보고, 받거나 삭제합니다</translation>
    </message>
    <message>
        <source>La&amp;yers…</source>
        <translation>레이어(&amp;Y)…</translation>
    </message>
    <message>
        <source>Every image's and container's layers side by side: what is shared, what each container wrote</source>
        <translation>모든 이미지와 컨테이너의 레이어를 나란히: 무엇을 함께 쓰는지, 컨테이너마다 무엇을 썼는지</translation>
    </message>
</context>
<context>
    <name>onggi::gui::MetricChart</name>
    <message>
        <source>OOM kill</source>
        <translation>OOM 강제 종료</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <extracomment>chart hover: series name, time, value with unit</extracomment>
        <translation>%1, %2: %3</translation>
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
        <translation>OOM 강제 종료 시각: %1
이 컨테이너가 메모리 제한에 닿아서 커널의 OOM(메모리 부족) 킬러가 프로세스 하나를 끝냈습니다.
메모리 제한: %2
지금까지 OOM 강제 종료 횟수: %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
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
        <translation>도우미에게 묻는 중...</translation>
    </message>
    <message numerus="yes">
        <source>%n network(s).</source>
        <translation>
            <numerusform>네트워크 %n개.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (기본)</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>링크</translation>
    </message>
    <message>
        <source>up</source>
        <translation>켜짐</translation>
    </message>
    <message>
        <source>down</source>
        <translation>꺼짐</translation>
    </message>
    <message>
        <source>%1, %2, MTU %3</source>
        <translation>%1, %2, MTU %3</translation>
    </message>
    <message>
        <source>device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>Bridge port of</source>
        <translation>소속 브리지</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC 주소</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>맞은편</translation>
    </message>
    <message>
        <source>%1 in container %2 (ifindex %3 in its namespace), %4</source>
        <translation>%2 컨테이너의 %1 (그 네임스페이스에서 ifindex %3), %4</translation>
    </message>
    <message>
        <source>Received / sent</source>
        <translation>받음 / 보냄</translation>
    </message>
    <message>
        <source>%1 / %2 bytes</source>
        <translation>%1 / %2바이트</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>라우팅</translation>
    </message>
    <message>
        <source>on link %1</source>
        <translation>%1에 바로 연결</translation>
    </message>
    <message>
        <source>via %1 (%2)</source>
        <translation>%1 경유 (%2)</translation>
    </message>
    <message>
        <source>(no rules: no network is in use yet)</source>
        <translation>(규칙 없음: 아직 쓰이는 네트워크가 없습니다)</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>&lt;b&gt;Networks&lt;/b&gt;</source>
        <translation>&lt;b&gt;네트워크&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Containers on the selected network&lt;/b&gt;</source>
        <translation>&lt;b&gt;고른 네트워크에 연결된 컨테이너&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;What the kernel has&lt;/b&gt; (links, addresses, routes)</source>
        <translation>&lt;b&gt;커널이 가진 것&lt;/b&gt; (링크, 주소, 라우팅)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rules&lt;/b&gt; (nftables table inet onggi)</source>
        <translation>&lt;b&gt;규칙&lt;/b&gt; (nftables 테이블 inet onggi)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>브리지</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>서브넷</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>게이트웨이</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>컨테이너 수</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>컨테이너</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Host end</source>
        <translation>호스트 쪽 끝</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>컨테이너 안</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>닫기(&amp;C)</translation>
    </message>
</context>
<context>
    <name>onggi::gui::ProcessListModel</name>
    <message>
        <source>The process ID in the host's PID namespace (what ps on the host shows)</source>
        <translation>호스트의 PID 네임스페이스에서 보이는 프로세스 ID (호스트에서 ps로 보이는 번호)</translation>
    </message>
    <message>
        <source>The process ID inside the container's own PID namespace; its first process is PID 1</source>
        <translation>컨테이너 자신의 PID 네임스페이스 안에서의 프로세스 ID. 첫 프로세스가 PID 1입니다</translation>
    </message>
    <message>
        <source>Host PID</source>
        <translation>호스트 PID</translation>
    </message>
    <message>
        <source>Container PID</source>
        <translation>컨테이너 PID</translation>
    </message>
    <message>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>명령</translation>
    </message>
</context>
<context>
    <name>onggi::gui::PullDialog</name>
    <message>
        <source>Each layer of the image gets a bar below while the helper downloads and unpacks it.</source>
        <translation>onggi-helper가 이미지의 레이어를 내려받아 푸는 동안 레이어마다 아래에 진행 막대가 나타납니다.</translation>
    </message>
    <message>
        <source>Pull an image</source>
        <translation>이미지 받기</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>이미지(&amp;I):</translation>
    </message>
    <message>
        <source>e.g. alpine:3.20 or 127.0.0.1:5000/app:1</source>
        <translation>예: alpine:3.20 또는 127.0.0.1:5000/app:1</translation>
    </message>
    <message>
        <source>A name as docker takes it: busybox means docker.io/library/busybox:latest</source>
        <translation>docker와 같은 이름 규칙입니다. busybox는 docker.io/library/busybox:latest를 뜻합니다</translation>
    </message>
    <message>
        <source>&amp;Pull</source>
        <translation>받기(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Cancel pull</source>
        <translation>받기 취소(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>닫기(&amp;C)</translation>
    </message>
    <message>
        <source>Pulling %1…</source>
        <translation>%1 받는 중…</translation>
    </message>
    <message>
        <source>Pull of %1 cancelled.</source>
        <translation>%1 받기를 취소했습니다.</translation>
    </message>
    <message>
        <source>Could not pull %1: %2</source>
        <translation>%1 이미지를 받지 못했습니다: %2</translation>
    </message>
    <message>
        <source>Pulled %1 (%2).</source>
        <translation>%1 이미지를 받았습니다 (%2).</translation>
    </message>
    <message>
        <source>Resolving %1…</source>
        <translation>%1 찾는 중…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
</context>
<context>
    <name>onggi::gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>시스템 언어</translation>
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
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Refresh interval:</source>
        <translation>새로 고침 간격(&amp;R):</translation>
    </message>
    <message>
        <source>How often the helper samples the containers' cgroups for the charts (100 ms to 10 s).</source>
        <translation>차트를 그리려고 헬퍼가 컨테이너의 cgroup 값을 읽는 간격입니다 (100 ms ~ 10초).</translation>
    </message>
</context>
<context>
    <name>onggi::gui::StackedUsageChart</name>
    <message>
        <source>other containers</source>
        <translation>나머지 컨테이너</translation>
    </message>
    <message>
        <source>whole host</source>
        <translation>호스트 전체</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <extracomment>the left end of the dashboard's time axis, e.g. "5 min ago"</extracomment>
        <translation>
            <numerusform>%n분 전</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>지금</translation>
    </message>
    <message>
        <source>whole host %1 ↑</source>
        <extracomment>the dashboard chart's host line, above the chart's scale (drawn along its top edge)</extracomment>
        <translation>호스트 전체 %1 ↑</translation>
    </message>
</context>
<context>
    <name>onggi::gui::StatsHistoryModel</name>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory used</source>
        <translation>사용 중인 메모리</translation>
    </message>
    <message>
        <source>Memory limit</source>
        <translation>메모리 제한</translation>
    </message>
    <message>
        <source>Memory high</source>
        <translation>메모리 회수 기준</translation>
    </message>
    <message>
        <source>Disk read</source>
        <translation>디스크 읽기</translation>
    </message>
    <message>
        <source>Disk write</source>
        <translation>디스크 쓰기</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>프로세스 수</translation>
    </message>
    <message>
        <source>Process limit</source>
        <translation>프로세스 수 제한</translation>
    </message>
    <message>
        <source>Network received</source>
        <translation>네트워크 받음</translation>
    </message>
    <message>
        <source>Network sent</source>
        <translation>네트워크 보냄</translation>
    </message>
    <message>
        <source>CPU limit</source>
        <extracomment>the CPU limit (CFS quota) drawn as a line on the CPU chart</extracomment>
        <translation>CPU 제한</translation>
    </message>
    <message>
        <source>Share of the CPU limit</source>
        <translation>CPU 제한 대비 사용률</translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation>스로틀링</translation>
    </message>
    <message>
        <source>Page cache</source>
        <translation>페이지 캐시</translation>
    </message>
    <message>
        <source>Anonymous memory</source>
        <translation>익명 메모리</translation>
    </message>
    <message>
        <source>Peak memory</source>
        <translation>최대 메모리</translation>
    </message>
    <message>
        <source>CPU pressure</source>
        <extracomment>PSI: pressure stall information, the share of time tasks waited for the CPU</extracomment>
        <translation>CPU 압력</translation>
    </message>
    <message>
        <source>Memory pressure</source>
        <translation>메모리 압력</translation>
    </message>
    <message>
        <source>I/O pressure</source>
        <translation>I/O 압력</translation>
    </message>
    <message>
        <source>Read limit</source>
        <extracomment>the configured disk read bandwidth limit, drawn as a line on the disk I/O chart</extracomment>
        <translation>읽기 제한</translation>
    </message>
    <message>
        <source>Write limit</source>
        <extracomment>the configured disk write bandwidth limit, drawn as a line on the disk I/O chart</extracomment>
        <translation>쓰기 제한</translation>
    </message>
</context>
<context>
    <name>onggi::gui::TryItBar</name>
    <message>
        <source>(container)</source>
        <translation>(컨테이너)</translation>
    </message>
    <message>
        <source>Run: %1</source>
        <translation>실행: %1</translation>
    </message>
    <message>
        <source>Runs onggictl %1 as you, in your own container</source>
        <translation>내 권한으로, 내 컨테이너에서 onggictl %1 실행</translation>
    </message>
    <message>
        <source>Try it here: select one of your containers first.</source>
        <translation>여기서 해 보기: 먼저 내 컨테이너를 하나 고르세요.</translation>
    </message>
    <message>
        <source>Try it here, in "%1":</source>
        <translation>여기서 해 보기 ("%1" 안에서):</translation>
    </message>
    <message>
        <source>(running…)</source>
        <translation>(실행 중…)</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>거부됨: %1</translation>
    </message>
    <message>
        <source>(exit code 0: it worked)</source>
        <translation>(종료 코드 0: 성공)</translation>
    </message>
    <message>
        <source>(exit code %1: it failed)</source>
        <translation>(종료 코드 %1: 실패)</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>끝났습니다.</translation>
    </message>
</context>
<context>
    <name>onggi::gui::WeightSplitDemo</name>
    <message>
        <source>seconds since the start (last %1 s per point)</source>
        <translation>시작 후 지난 시간(초), 점마다 최근 %1초</translation>
    </message>
    <message>
        <source>Stop the demo</source>
        <translation>시연 멈추기</translation>
    </message>
    <message>
        <source>Run the 1:4 demo</source>
        <translation>1:4 시연 실행</translation>
    </message>
    <message>
        <source>The demo could not start: %1</source>
        <translation>시연을 시작하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Creating two busy containers with weights 100 and 400 on CPU 0…</source>
        <translation>CPU 0에서 가중치 100과 400으로 바쁘게 도는 컨테이너 두 개를 만드는 중…</translation>
    </message>
    <message numerus="yes">
        <source>Two busy loops compete for CPU 0. Measured from their cgroup files every second; they stop after %n second(s).</source>
        <translation>
            <numerusform>바쁜 반복문 두 개가 CPU 0을 두고 다툽니다. 1초마다 cgroup 파일에서 재며, %n초 뒤에 멈춥니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Creates two of your containers (weights 100 and 400, both on CPU 0, each a busy loop) and measures how the kernel splits the CPU between them.</source>
        <translation>내 컨테이너 두 개(가중치 100과 400, 둘 다 CPU 0, 각각 바쁜 반복문)를 만들고, 커널이 CPU를 둘 사이에 어떻게 나누는지 잽니다.</translation>
    </message>
    <message>
        <source>weight file: %1 = %2</source>
        <translation>가중치 파일: %1 = %2</translation>
    </message>
    <message>
        <source>CPU time: %1 s</source>
        <translation>CPU 시간: %1초</translation>
    </message>
    <message>
        <source>share now: %1 % · since the start: %2 %</source>
        <translation>지금 몫: %1% · 시작부터: %2%</translation>
    </message>
    <message>
        <source>The kernel divides a busy CPU in the ratio of the weights: 100:400 is 20 % and 80 %.</source>
        <translation>CPU가 바쁘면 커널은 가중치 비율대로 나눕니다. 100:400이면 20%와 80%입니다.</translation>
    </message>
    <message>
        <source>Last run: the container with weight 400 got %1 % of the CPU time the two used (the weights say 80 %). Its containers are removed.</source>
        <translation>지난 실행: 가중치 400인 컨테이너가 둘이 쓴 CPU 시간의 %1%를 받았습니다(가중치대로라면 80%). 시연용 컨테이너는 지웠습니다.</translation>
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
        <translation>불러오는 진행 상황을 표시하지 않습니다</translation>
    </message>
    <message>
        <source>Suppress the save progress</source>
        <translation>저장하는 진행 상황을 표시하지 않습니다</translation>
    </message>
    <message>
        <source>flag needs an argument: %1</source>
        <translation>플래그에 인자가 필요합니다: %1</translation>
    </message>
    <message>
        <source>unknown flag: --%1</source>
        <translation>알 수 없는 플래그: --%1</translation>
    </message>
    <message>
        <source>invalid argument "%1" for "--%2" flag: expected true or false</source>
        <translation>"--%2" 플래그에 준 값이 올바르지 않습니다("%1"): true나 false여야 합니다</translation>
    </message>
    <message>
        <source>unknown shorthand flag: '%1' in %2</source>
        <translation>알 수 없는 짧은 플래그: %2의 '%1'</translation>
    </message>
    <message numerus="yes">
        <source>"%1" requires exactly %n argument(s).</source>
        <translation>
            <numerusform>"%1"에는 인자가 정확히 %n개 필요합니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>"%1" requires at least %n argument(s).</source>
        <translation>
            <numerusform>"%1"에는 인자가 %n개 이상 필요합니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>"%1" accepts at most %n argument(s).</source>
        <translation>
            <numerusform>"%1" 명령이 받는 인자는 %n개까지입니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage:  onggictl %1</source>
        <translation>사용법:  onggictl %1</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>옵션:</translation>
    </message>
    <message>
        <source>Error response from helper: %1</source>
        <translation>헬퍼의 오류 응답: %1</translation>
    </message>
    <message>
        <source>onggictl: %1</source>
        <translation>onggictl: %1</translation>
    </message>
    <message>
        <source>See 'onggictl %1 --help'.</source>
        <translation>'onggictl %1 --help'를 참고하세요.</translation>
    </message>
    <message>
        <source>create [OPTIONS] IMAGE [COMMAND] [ARG...]</source>
        <translation>create [옵션] 이미지 [명령] [인자...]</translation>
    </message>
    <message>
        <source>Create a new container</source>
        <translation>새 컨테이너를 만듭니다</translation>
    </message>
    <message>
        <source>WARNING: --privileged gives the container every capability and no seccomp filter; a process inside can take over the host.</source>
        <translation>경고: --privileged는 컨테이너에 모든 케이퍼빌리티를 주고 seccomp 필터를 끕니다. 안의 프로세스가 호스트를 장악할 수 있습니다.</translation>
    </message>
    <message>
        <source>events [OPTIONS]</source>
        <translation>events [옵션]</translation>
    </message>
    <message>
        <source>Get real time events from the helper</source>
        <translation>헬퍼에서 실시간 이벤트를 받아 봅니다</translation>
    </message>
    <message>
        <source>Output format: json for one object a line</source>
        <translation>출력 형식: json이면 한 줄에 객체 하나</translation>
    </message>
    <message>
        <source>exec [OPTIONS] CONTAINER COMMAND [ARG...]</source>
        <translation>exec [옵션] 컨테이너 명령 [인자...]</translation>
    </message>
    <message>
        <source>Execute a command in a running container</source>
        <translation>실행 중인 컨테이너 안에서 명령을 실행합니다</translation>
    </message>
    <message>
        <source>Keep STDIN open</source>
        <translation>표준 입력(STDIN)을 열어 둡니다</translation>
    </message>
    <message>
        <source>Allocate a pseudo-TTY</source>
        <translation>가상 터미널(pseudo-TTY)을 할당합니다</translation>
    </message>
    <message>
        <source>Detached mode: not supported, rejected</source>
        <translation>백그라운드(detached) 모드: 지원하지 않아 거부합니다</translation>
    </message>
    <message>
        <source>Set environment variables</source>
        <translation>환경 변수를 설정합니다</translation>
    </message>
    <message>
        <source>Working directory inside the container</source>
        <translation>컨테이너 안의 작업 디렉터리</translation>
    </message>
    <message>
        <source>User to run as: a name or UID, and optionally a group name or GID</source>
        <translation>실행할 사용자: 이름이나 UID, 그리고 원하면 그룹 이름이나 GID</translation>
    </message>
    <message>
        <source>exec -d is not supported</source>
        <translation>exec -d는 지원하지 않습니다</translation>
    </message>
    <message>
        <source>onggictl: output truncated by the helper (over 4 MiB)</source>
        <translation>onggictl: 출력이 4 MiB를 넘어 헬퍼가 잘랐습니다</translation>
    </message>
    <message>
        <source>attach [OPTIONS] CONTAINER</source>
        <translation>attach [옵션] 컨테이너</translation>
    </message>
    <message>
        <source>Attach the local terminal to a running container's terminal</source>
        <translation>실행 중인 컨테이너의 터미널에 지금 쓰는 터미널을 연결합니다</translation>
    </message>
    <message>
        <source>Do not attach STDIN</source>
        <translation>표준 입력(STDIN)은 연결하지 않습니다</translation>
    </message>
    <message>
        <source>the helper sent no terminal for the session</source>
        <translation>헬퍼가 세션용 터미널을 보내지 않았습니다</translation>
    </message>
    <message>
        <source>images [OPTIONS]</source>
        <translation>images [옵션]</translation>
    </message>
    <message>
        <source>List images</source>
        <translation>이미지 목록을 보여 줍니다</translation>
    </message>
    <message>
        <source>Only show image IDs</source>
        <translation>이미지 ID만 보여 줍니다</translation>
    </message>
    <message>
        <source>Don't truncate output</source>
        <translation>출력을 자르지 않습니다</translation>
    </message>
    <message>
        <source>REPOSITORY</source>
        <translation>저장소</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>IMAGE ID</source>
        <translation>이미지 ID</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>생성</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>Display system-wide information</source>
        <translation>시스템 전체 정보를 보여 줍니다</translation>
    </message>
    <message>
        <source>Containers: %1</source>
        <translation>컨테이너: %1</translation>
    </message>
    <message>
        <source> Running: %1</source>
        <translation> 실행 중: %1</translation>
    </message>
    <message>
        <source> Paused: %1</source>
        <translation> 일시 정지: %1</translation>
    </message>
    <message>
        <source> Stopped: %1</source>
        <translation> 중지됨: %1</translation>
    </message>
    <message>
        <source>Images: %1</source>
        <translation>이미지: %1</translation>
    </message>
    <message>
        <source>Helper Version: %1</source>
        <translation>헬퍼 버전: %1</translation>
    </message>
    <message>
        <source>Helper Socket: %1</source>
        <translation>헬퍼 소켓: %1</translation>
    </message>
    <message>
        <source>Cgroup Mode: %1</source>
        <translation>cgroup 모드: %1</translation>
    </message>
    <message>
        <source>Kernel Version: %1</source>
        <translation>커널 버전: %1</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>이름: %1</translation>
    </message>
    <message>
        <source>CPUs: %1</source>
        <translation>CPU 수: %1</translation>
    </message>
    <message>
        <source>Total Memory: %1</source>
        <translation>전체 메모리: %1</translation>
    </message>
    <message>
        <source>Features: %1</source>
        <translation>기능: %1</translation>
    </message>
    <message>
        <source>Admin: %1</source>
        <translation>관리자: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>inspect CONTAINER [CONTAINER...]</source>
        <translation>inspect 컨테이너 [컨테이너...]</translation>
    </message>
    <message>
        <source>Return low-level information on containers (JSON)</source>
        <translation>컨테이너의 저수준 정보를 보여 줍니다 (JSON)</translation>
    </message>
    <message>
        <source>kill [OPTIONS] CONTAINER [CONTAINER...]</source>
        <translation>kill [옵션] 컨테이너 [컨테이너...]</translation>
    </message>
    <message>
        <source>Kill one or more running containers</source>
        <translation>실행 중인 컨테이너를 강제로 끝냅니다</translation>
    </message>
    <message>
        <source>Signal to send to the container (default "KILL")</source>
        <translation>컨테이너에 보낼 시그널 (기본값 "KILL")</translation>
    </message>
    <message>
        <source>logs [OPTIONS] CONTAINER</source>
        <translation>logs [옵션] 컨테이너</translation>
    </message>
    <message>
        <source>Fetch the logs of a container</source>
        <translation>컨테이너의 로그를 가져옵니다</translation>
    </message>
    <message>
        <source>Follow log output</source>
        <translation>로그 출력을 계속 따라갑니다</translation>
    </message>
    <message>
        <source>Number of lines to show from the end of the logs (default "all")</source>
        <translation>로그 끝에서부터 보여 줄 줄 수 (기본값 "all")</translation>
    </message>
    <message>
        <source>Show timestamps</source>
        <translation>타임스탬프를 보여 줍니다</translation>
    </message>
    <message>
        <source>invalid --tail "%1": a number of lines or "all"</source>
        <translation>--tail 값이 올바르지 않습니다("%1"): 줄 수나 "all"이어야 합니다</translation>
    </message>
    <message>
        <source>pause CONTAINER [CONTAINER...]</source>
        <translation>pause 컨테이너 [컨테이너...]</translation>
    </message>
    <message>
        <source>Pause all processes within one or more containers (cgroup freezer)</source>
        <translation>컨테이너 안의 모든 프로세스를 일시 정지합니다 (cgroup freezer)</translation>
    </message>
    <message>
        <source>Up %1</source>
        <translation>%1째 실행 중</translation>
    </message>
    <message>
        <source>Up %1 (Paused)</source>
        <translation>%1째 실행 중 (일시 정지)</translation>
    </message>
    <message>
        <source>Exited (%1) %2</source>
        <translation>종료됨 (%1) %2</translation>
    </message>
    <message>
        <source> (OOM killed)</source>
        <translation> (OOM으로 강제 종료)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>생성됨</translation>
    </message>
    <message>
        <source>ps [OPTIONS]</source>
        <translation>ps [옵션]</translation>
    </message>
    <message>
        <source>List containers</source>
        <translation>컨테이너 목록을 보여 줍니다</translation>
    </message>
    <message>
        <source>Show all containers (default shows just running)</source>
        <translation>모든 컨테이너를 보여 줍니다 (기본은 실행 중인 것만)</translation>
    </message>
    <message>
        <source>Only display container IDs</source>
        <translation>컨테이너 ID만 보여 줍니다</translation>
    </message>
    <message>
        <source>CONTAINER ID</source>
        <translation>컨테이너 ID</translation>
    </message>
    <message>
        <source>IMAGE</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>NAMES</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>restart [OPTIONS] CONTAINER [CONTAINER...]</source>
        <translation>restart [옵션] 컨테이너 [컨테이너...]</translation>
    </message>
    <message>
        <source>Restart one or more containers</source>
        <translation>컨테이너를 다시 시작합니다</translation>
    </message>
    <message>
        <source>rm [OPTIONS] CONTAINER [CONTAINER...]</source>
        <translation>rm [옵션] 컨테이너 [컨테이너...]</translation>
    </message>
    <message>
        <source>Remove one or more containers</source>
        <translation>컨테이너를 삭제합니다</translation>
    </message>
    <message>
        <source>Force the removal of a running container (uses SIGKILL)</source>
        <translation>실행 중인 컨테이너도 강제로 삭제합니다 (SIGKILL 사용)</translation>
    </message>
    <message>
        <source>rmi [OPTIONS] IMAGE [IMAGE...]</source>
        <translation>rmi [옵션] 이미지 [이미지...]</translation>
    </message>
    <message>
        <source>Remove one or more images</source>
        <translation>이미지를 삭제합니다</translation>
    </message>
    <message>
        <source>Force removal of the image</source>
        <translation>이미지를 강제로 삭제합니다</translation>
    </message>
    <message>
        <source>Deleted: %1</source>
        <translation>삭제됨: %1</translation>
    </message>
    <message>
        <source>run [OPTIONS] IMAGE [COMMAND] [ARG...]</source>
        <translation>run [옵션] 이미지 [명령] [인자...]</translation>
    </message>
    <message>
        <source>Create and run a new container from an image</source>
        <translation>이미지로 새 컨테이너를 만들어 실행합니다</translation>
    </message>
    <message>
        <source>conflicting options: --restart and --rm</source>
        <translation>함께 쓸 수 없는 옵션입니다: --restart와 --rm</translation>
    </message>
    <message>
        <source>start [OPTIONS] CONTAINER [CONTAINER...]</source>
        <translation>start [옵션] 컨테이너 [컨테이너...]</translation>
    </message>
    <message>
        <source>Start one or more stopped containers</source>
        <translation>멈춰 있는 컨테이너를 시작합니다</translation>
    </message>
    <message>
        <source>Attach STDOUT/STDERR (or the terminal of a container created with -t) and wait for the exit</source>
        <translation>표준 출력과 표준 오류(-t로 만든 컨테이너는 터미널)에 연결하고 종료를 기다립니다</translation>
    </message>
    <message>
        <source>Attach the container's STDIN</source>
        <translation>컨테이너의 표준 입력(STDIN)도 연결합니다</translation>
    </message>
    <message>
        <source>you cannot start and attach multiple containers at once</source>
        <translation>여러 컨테이너를 한꺼번에 시작하면서 연결할 수는 없습니다</translation>
    </message>
    <message>
        <source>stats [OPTIONS] [CONTAINER...]</source>
        <translation>stats [옵션] [컨테이너...]</translation>
    </message>
    <message>
        <source>Display a live stream of container(s) resource usage statistics</source>
        <translation>컨테이너의 자원 사용량을 실시간으로 보여 줍니다</translation>
    </message>
    <message>
        <source>Disable streaming stats and only pull the first result</source>
        <translation>계속 갱신하지 않고 첫 결과만 보여 줍니다</translation>
    </message>
    <message>
        <source>Output format: table (default) or json</source>
        <translation>출력 형식: table(기본값) 또는 json</translation>
    </message>
    <message>
        <source>Sampling interval in milliseconds (100-10000, default 1000)</source>
        <translation>측정 간격(밀리초, 100~10000, 기본값 1000)</translation>
    </message>
    <message>
        <source>unsupported --format "%1": use table or json</source>
        <translation>지원하지 않는 --format "%1": table이나 json을 쓰세요</translation>
    </message>
    <message>
        <source>--interval must be 100 to 10000 ms</source>
        <translation>--interval은 100~10000 ms여야 합니다</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>MEM USAGE / LIMIT</source>
        <translation>메모리 사용량 / 제한</translation>
    </message>
    <message>
        <source>MEM %</source>
        <translation>메모리 %</translation>
    </message>
    <message>
        <source>NET I/O</source>
        <translation>네트워크 I/O</translation>
    </message>
    <message>
        <source>BLOCK I/O</source>
        <translation>블록 I/O</translation>
    </message>
    <message>
        <source>PIDS</source>
        <translation>PID 수</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>무제한</translation>
    </message>
    <message>
        <source>stop [OPTIONS] CONTAINER [CONTAINER...]</source>
        <translation>stop [옵션] 컨테이너 [컨테이너...]</translation>
    </message>
    <message>
        <source>Stop one or more running containers (SIGTERM, then SIGKILL after the timeout)</source>
        <translation>실행 중인 컨테이너를 중지합니다 (SIGTERM을 보내고, 제한 시간이 지나면 SIGKILL)</translation>
    </message>
    <message>
        <source>top CONTAINER</source>
        <translation>top 컨테이너</translation>
    </message>
    <message>
        <source>Display the running processes of a container</source>
        <translation>컨테이너에서 실행 중인 프로세스를 보여 줍니다</translation>
    </message>
    <message>
        <source>PID</source>
        <extracomment>PID = process id inside the container; HOST PID = the same process's id on the host</extracomment>
        <translation>PID</translation>
    </message>
    <message>
        <source>HOST PID</source>
        <translation>호스트 PID</translation>
    </message>
    <message>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>CMD</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>unpause CONTAINER [CONTAINER...]</source>
        <translation>unpause 컨테이너 [컨테이너...]</translation>
    </message>
    <message>
        <source>Unpause all processes within one or more containers</source>
        <translation>일시 정지한 컨테이너의 모든 프로세스를 다시 실행합니다</translation>
    </message>
    <message>
        <source>update [OPTIONS] CONTAINER [CONTAINER...]</source>
        <translation>update [옵션] 컨테이너 [컨테이너...]</translation>
    </message>
    <message>
        <source>Update the resource limits of one or more containers</source>
        <translation>컨테이너의 자원 제한을 바꿉니다</translation>
    </message>
    <message>
        <source>you must provide one or more flags when using this command</source>
        <translation>이 명령에는 플래그를 하나 이상 주어야 합니다</translation>
    </message>
    <message>
        <source>version</source>
        <translation>version</translation>
    </message>
    <message>
        <source>Show the onggictl and helper version information</source>
        <translation>onggictl과 헬퍼의 버전 정보를 보여 줍니다</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>클라이언트:</translation>
    </message>
    <message>
        <source> Version:     %1</source>
        <translation> 버전:        %1</translation>
    </message>
    <message>
        <source> Protocol:    %1</source>
        <translation> 프로토콜:    %1</translation>
    </message>
    <message>
        <source>Helper:</source>
        <translation>헬퍼:</translation>
    </message>
    <message>
        <source> Kernel:      %1</source>
        <translation> 커널:        %1</translation>
    </message>
    <message>
        <source> Cgroups:     %1</source>
        <translation> cgroup:      %1</translation>
    </message>
    <message>
        <source>Seconds to wait before killing the container (default 10)</source>
        <translation>컨테이너를 강제로 끝내기 전에 기다릴 초 (기본값 10)</translation>
    </message>
    <message>
        <source>invalid timeout "%1": expected seconds &gt;= 0</source>
        <translation>제한 시간이 올바르지 않습니다("%1"): 0 이상의 초여야 합니다</translation>
    </message>
    <message>
        <source>invalid size "%1" for --%2: use a number with an optional unit b, k, m, g (e.g. 64m)</source>
        <translation>--%2에 준 크기가 올바르지 않습니다("%1"): 숫자 뒤에 b, k, m, g 단위를 붙일 수 있습니다 (예: 64m)</translation>
    </message>
    <message>
        <source>Memory limit (e.g. 64m, 1g)</source>
        <translation>메모리 제한 (예: 64m, 1g)</translation>
    </message>
    <message>
        <source>Memory plus swap limit; -1 for unlimited swap</source>
        <translation>메모리와 스왑을 합친 제한. -1이면 스왑 무제한</translation>
    </message>
    <message>
        <source>Memory throttling threshold (cgroup v2 memory.high)</source>
        <translation>메모리 스로틀링 기준 (cgroup v2 memory.high)</translation>
    </message>
    <message>
        <source>Number of CPUs (e.g. 0.5)</source>
        <translation>CPU 개수 (예: 0.5)</translation>
    </message>
    <message>
        <source>Relative CPU weight (1-10000)</source>
        <translation>상대적인 CPU 가중치 (1~10000)</translation>
    </message>
    <message>
        <source>CPUs in which to allow execution (0-3, 0,1)</source>
        <translation>실행을 허용할 CPU (0-3, 0,1)</translation>
    </message>
    <message>
        <source>Maximum number of processes (0 = unlimited)</source>
        <translation>최대 프로세스 수 (0이면 무제한)</translation>
    </message>
    <message>
        <source>invalid value "%1" for --cpus: expected a number of CPUs such as 0.5</source>
        <translation>--cpus 값이 올바르지 않습니다("%1"): 0.5 같은 CPU 개수여야 합니다</translation>
    </message>
    <message>
        <source>invalid value "%1" for --cpu-weight: expected 1 to 10000</source>
        <translation>--cpu-weight 값이 올바르지 않습니다("%1"): 1~10000이어야 합니다</translation>
    </message>
    <message>
        <source>invalid value "%1" for --pids-limit: expected a number of processes</source>
        <translation>--pids-limit 값이 올바르지 않습니다("%1"): 프로세스 개수여야 합니다</translation>
    </message>
    <message>
        <source>Run the container in the background and print its ID</source>
        <translation>컨테이너를 백그라운드에서 실행하고 ID를 출력합니다</translation>
    </message>
    <message>
        <source>Remove the container when it exits</source>
        <translation>컨테이너가 끝나면 삭제합니다</translation>
    </message>
    <message>
        <source>Assign a name to the container</source>
        <translation>컨테이너에 이름을 붙입니다</translation>
    </message>
    <message>
        <source>Set environment variables (KEY=value)</source>
        <translation>환경 변수를 설정합니다 (이름=값)</translation>
    </message>
    <message>
        <source>Bind mount a host directory (/host:/container[:ro])</source>
        <translation>호스트 디렉터리를 바인드 마운트합니다 (/호스트:/컨테이너[:ro])</translation>
    </message>
    <message>
        <source>Container host name</source>
        <translation>컨테이너의 호스트 이름</translation>
    </message>
    <message>
        <source>Restart policy: no, on-failure[:max-retries], always</source>
        <translation>다시 시작 정책: no, on-failure[:최대 재시도 횟수], always</translation>
    </message>
    <message>
        <source>Run an init inside the container that forwards signals and reaps processes</source>
        <translation>컨테이너 안에서 시그널을 전달하고 좀비 프로세스를 거두는 init을 실행합니다</translation>
    </message>
    <message>
        <source>Add Linux capabilities</source>
        <translation>리눅스 케이퍼빌리티를 더합니다</translation>
    </message>
    <message>
        <source>Drop Linux capabilities</source>
        <translation>리눅스 케이퍼빌리티를 뺍니다</translation>
    </message>
    <message>
        <source>Security options: seccomp=default|unconfined|/path/profile.json</source>
        <translation>보안 옵션: seccomp=default|unconfined|/경로/profile.json</translation>
    </message>
    <message>
        <source>Mount the container's root filesystem as read only</source>
        <translation>컨테이너의 루트 파일시스템을 읽기 전용으로 마운트합니다</translation>
    </message>
    <message>
        <source>Give extended privileges to this container (all capabilities, no seccomp)</source>
        <translation>이 컨테이너에 확장 권한을 줍니다 (모든 케이퍼빌리티, seccomp 없음)</translation>
    </message>
    <message>
        <source>User namespace: "private" maps root to an unprivileged range, "host" does not</source>
        <translation>사용자 네임스페이스: "private"는 root를 권한 없는 ID 범위로 매핑하고, "host"는 매핑하지 않습니다</translation>
    </message>
    <message>
        <source>invalid environment variable "%1": expected KEY=value</source>
        <translation>환경 변수가 올바르지 않습니다("%1"): 이름=값 형식이어야 합니다</translation>
    </message>
    <message>
        <source>invalid volume "%1": expected /host/path:/container/path[:ro]</source>
        <translation>볼륨 지정이 올바르지 않습니다("%1"): /호스트/경로:/컨테이너/경로[:ro] 형식이어야 합니다</translation>
    </message>
    <message>
        <source>invalid volume "%1": named volumes are not supported, give a host path</source>
        <translation>볼륨 지정이 올바르지 않습니다("%1"): 이름 있는 볼륨은 지원하지 않으니 호스트 경로를 주세요</translation>
    </message>
    <message>
        <source>invalid volume mode "%1" in "%2": use ro or rw</source>
        <translation>"%2"의 볼륨 모드가 올바르지 않습니다("%1"): ro나 rw를 쓰세요</translation>
    </message>
    <message>
        <source>invalid --security-opt "%1": supported is seccomp=default|unconfined|/path/profile.json</source>
        <translation>--security-opt 값이 올바르지 않습니다("%1"): seccomp=default|unconfined|/경로/profile.json만 지원합니다</translation>
    </message>
    <message>
        <source>invalid --userns "%1": use private or host</source>
        <translation>--userns 값이 올바르지 않습니다("%1"): private나 host를 쓰세요</translation>
    </message>
    <message>
        <source>Less than a second</source>
        <translation>1초 미만</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n초</numerusform>
        </translation>
    </message>
    <message>
        <source>About a minute</source>
        <translation>약 1분</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n분</numerusform>
        </translation>
    </message>
    <message>
        <source>About an hour</source>
        <translation>약 1시간</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n시간</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n일</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n주</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n개월</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n년</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 전</translation>
    </message>
    <message>
        <source>Stop one or more running containers</source>
        <translation>실행 중인 컨테이너를 중지합니다</translation>
    </message>
    <message>
        <source>Pause all processes within one or more containers</source>
        <translation>컨테이너 안의 모든 프로세스를 일시 정지합니다</translation>
    </message>
    <message>
        <source>Return low-level information on containers</source>
        <translation>컨테이너의 저수준 정보를 보여 줍니다</translation>
    </message>
    <message>
        <source>Update the resource limits of containers</source>
        <translation>컨테이너의 자원 제한을 바꿉니다</translation>
    </message>
    <message>
        <source>Display a live stream of resource usage</source>
        <translation>자원 사용량을 실시간으로 보여 줍니다</translation>
    </message>
    <message>
        <source>Show the version information</source>
        <translation>버전 정보를 보여 줍니다</translation>
    </message>
    <message>
        <source>Usage:  onggictl [OPTIONS] COMMAND</source>
        <translation>사용법:  onggictl [옵션] 명령</translation>
    </message>
    <message>
        <source>A container manager for your desktop: the command line of Onggi.</source>
        <translation>데스크톱용 컨테이너 관리자, 옹기의 명령줄 도구입니다.</translation>
    </message>
    <message>
        <source>Helper socket (default $ONGGI_SOCKET or /run/onggi/helper.sock)</source>
        <translation>헬퍼 소켓 (기본값 $ONGGI_SOCKET 또는 /run/onggi/helper.sock)</translation>
    </message>
    <message>
        <source>Print results as JSON</source>
        <translation>결과를 JSON으로 출력합니다</translation>
    </message>
    <message>
        <source>Show the protocol messages on stderr</source>
        <translation>프로토콜 메시지를 표준 오류(stderr)에 보여 줍니다</translation>
    </message>
    <message>
        <source>Print version information and quit</source>
        <translation>버전 정보를 출력하고 끝냅니다</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>명령:</translation>
    </message>
    <message>
        <source>Run 'onggictl COMMAND --help' for more information on a command.</source>
        <translation>명령에 대해 더 알고 싶으면 'onggictl 명령 --help'를 실행하세요.</translation>
    </message>
    <message>
        <source>onggictl version %1, protocol %2</source>
        <translation>onggictl 버전 %1, 프로토콜 %2</translation>
    </message>
    <message>
        <source>unknown flag: %1</source>
        <translation>알 수 없는 플래그: %1</translation>
    </message>
    <message>
        <source>See 'onggictl --help'.</source>
        <translation>'onggictl --help'를 참고하세요.</translation>
    </message>
    <message>
        <source>onggictl: '%1' is not an onggictl command.</source>
        <translation>onggictl: 그런 명령은 없습니다: '%1'</translation>
    </message>
    <message>
        <source>Detached from %1; it keeps running. Come back with: onggictl attach %1</source>
        <translation>%1에서 빠져나왔습니다. 컨테이너는 계속 실행됩니다. 다시 연결하려면: onggictl attach %1</translation>
    </message>
    <message>
        <source>cannot read the seccomp profile %1: %2</source>
        <translation>seccomp 프로필을 읽을 수 없습니다: %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a seccomp profile (a JSON object of at most 512 KiB)</source>
        <translation>seccomp 프로필이 아닙니다 (512 KiB 이하의 JSON 객체여야 합니다): %1</translation>
    </message>
    <message>
        <source>history [OPTIONS] IMAGE</source>
        <translation>history [옵션] 이미지</translation>
    </message>
    <message>
        <source>Show the history of an image</source>
        <translation>이미지가 만들어진 과정을 보여 줍니다</translation>
    </message>
    <message>
        <source>LAYER</source>
        <translation>레이어</translation>
    </message>
    <message>
        <source>CREATED BY</source>
        <translation>만든 명령</translation>
    </message>
    <message>
        <source>COMMENT</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>image inspect IMAGE [IMAGE...]</source>
        <translation>image inspect 이미지 [이미지...]</translation>
    </message>
    <message>
        <source>Display detailed information on one or more images</source>
        <translation>이미지의 자세한 정보를 보여 줍니다</translation>
    </message>
    <message>
        <source>SHARED SIZE</source>
        <translation>공유 크기</translation>
    </message>
    <message>
        <source>(older lines of this log were deleted by rotation: %1 bytes)</source>
        <translation>(로그 순환으로 이 로그의 오래된 줄이 지워졌습니다: %1바이트)</translation>
    </message>
    <message>
        <source>network create [OPTIONS] NETWORK</source>
        <translation>network create [옵션] 네트워크</translation>
    </message>
    <message>
        <source>Create a network</source>
        <translation>네트워크를 만듭니다</translation>
    </message>
    <message>
        <source>Subnet in CIDR form (default: a free 10.89.N.0/24)</source>
        <translation>CIDR 형식의 서브넷 (기본값: 비어 있는 10.89.N.0/24)</translation>
    </message>
    <message>
        <source>The bridge's address (default: the subnet's first)</source>
        <translation>브리지의 주소 (기본값: 서브넷의 첫 주소)</translation>
    </message>
    <message>
        <source>network ls [OPTIONS]</source>
        <translation>network ls [옵션]</translation>
    </message>
    <message>
        <source>List networks</source>
        <translation>네트워크 목록을 보여 줍니다</translation>
    </message>
    <message>
        <source>Only show network names</source>
        <translation>네트워크 이름만 보여 줍니다</translation>
    </message>
    <message>
        <source>BRIDGE</source>
        <translation>브리지</translation>
    </message>
    <message>
        <source>SUBNET</source>
        <translation>서브넷</translation>
    </message>
    <message>
        <source>GATEWAY</source>
        <translation>게이트웨이</translation>
    </message>
    <message>
        <source>CONTAINERS</source>
        <translation>컨테이너</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (기본)</translation>
    </message>
    <message>
        <source>network inspect NETWORK [NETWORK...]</source>
        <translation>network inspect 네트워크 [네트워크...]</translation>
    </message>
    <message>
        <source>Display detailed information on networks</source>
        <translation>네트워크의 자세한 정보를 보여 줍니다</translation>
    </message>
    <message>
        <source>network rm NETWORK [NETWORK...]</source>
        <translation>network rm 네트워크 [네트워크...]</translation>
    </message>
    <message>
        <source>Remove networks</source>
        <translation>네트워크를 삭제합니다</translation>
    </message>
    <message>
        <source>network connect NETWORK CONTAINER</source>
        <translation>network connect 네트워크 컨테이너</translation>
    </message>
    <message>
        <source>network disconnect NETWORK CONTAINER</source>
        <translation>network disconnect 네트워크 컨테이너</translation>
    </message>
    <message>
        <source>Connect a container to a network</source>
        <translation>컨테이너를 네트워크에 연결합니다</translation>
    </message>
    <message>
        <source>Disconnect a container from a network</source>
        <translation>컨테이너를 네트워크에서 떼어 냅니다</translation>
    </message>
    <message>
        <source>Usage:  onggictl network COMMAND</source>
        <translation>사용법:  onggictl network 명령</translation>
    </message>
    <message>
        <source>Manage networks</source>
        <translation>네트워크를 관리합니다</translation>
    </message>
    <message>
        <source>onggictl network: unknown command "%1"</source>
        <translation>onggictl network: 알 수 없는 명령 "%1"</translation>
    </message>
    <message>
        <source>Pulling %1</source>
        <translation>%1 이미지를 받습니다</translation>
    </message>
    <message>
        <source>pull [OPTIONS] NAME[:TAG|@DIGEST]</source>
        <translation>pull [옵션] 이름[:태그|@다이제스트]</translation>
    </message>
    <message>
        <source>Download an image from a registry</source>
        <translation>레지스트리에서 이미지를 내려받습니다</translation>
    </message>
    <message>
        <source>Suppress verbose output</source>
        <translation>자세한 출력을 생략합니다</translation>
    </message>
    <message>
        <source>Registry user name (for this pull only)</source>
        <translation>레지스트리 사용자 이름 (이번 받기에만 씁니다)</translation>
    </message>
    <message>
        <source>Read the registry password from stdin</source>
        <translation>레지스트리 비밀번호를 표준 입력에서 읽습니다</translation>
    </message>
    <message>
        <source>--password-stdin needs --username</source>
        <translation>--password-stdin은 --username과 함께 써야 합니다</translation>
    </message>
    <message>
        <source>Digest: %1</source>
        <translation>다이제스트: %1</translation>
    </message>
    <message>
        <source>Status: Downloaded %1</source>
        <translation>상태: %1 이미지를 내려받았습니다</translation>
    </message>
    <message>
        <source>Unable to find image '%1' locally</source>
        <translation>이 컴퓨터에 '%1' 이미지가 없습니다</translation>
    </message>
    <message>
        <source>Log options: max-size=10m, max-file=3</source>
        <translation>로그 옵션: max-size=10m, max-file=3</translation>
    </message>
    <message>
        <source>Network: a network's name, bridge (the default network), private (loopback only), none, host</source>
        <translation>네트워크: 네트워크 이름, bridge (기본 네트워크), private (루프백만), none, host</translation>
    </message>
    <message>
        <source>Publish a container's port to the host ([ip:][hostPort:]containerPort[/tcp|/udp])</source>
        <translation>컨테이너의 포트를 호스트에 공개합니다 ([IP:][호스트포트:]컨테이너포트[/tcp|/udp])</translation>
    </message>
    <message>
        <source>Publish every exposed port to a free host port</source>
        <translation>노출한 모든 포트를 비어 있는 호스트 포트에 공개합니다</translation>
    </message>
    <message>
        <source>Expose a port (port[/tcp|/udp]) for --publish-all</source>
        <translation>--publish-all로 공개할 포트를 노출합니다 (포트[/tcp|/udp])</translation>
    </message>
    <message>
        <source>IPv4 address on the container's network</source>
        <translation>컨테이너 네트워크에서 쓸 IPv4 주소</translation>
    </message>
    <message>
        <source>Name servers for the container instead of the host's</source>
        <translation>호스트의 네임서버 대신 컨테이너가 쓸 네임서버</translation>
    </message>
    <message>
        <source>Add a line to the container's /etc/hosts (name:ip)</source>
        <translation>컨테이너의 /etc/hosts에 한 줄을 더합니다 (이름:IP)</translation>
    </message>
    <message>
        <source>invalid --log-opt "%1": supported are max-size=SIZE and max-file=N</source>
        <translation>--log-opt "%1" 값이 올바르지 않습니다: max-size=크기와 max-file=개수만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>invalid --network "": give a network's name, bridge, private, host or none</source>
        <translation>--network 값이 비어 있습니다: 네트워크 이름이나 bridge, private, host, none 가운데 하나를 주세요</translation>
    </message>
    <message>
        <source>invalid %1 "%2": ports are 1 to 65535</source>
        <translation>잘못된 %1 값 "%2": 포트는 1부터 65535까지입니다</translation>
    </message>
    <message>
        <source>invalid %1 "%2": the protocol is tcp or udp</source>
        <translation>잘못된 %1 값 "%2": 프로토콜은 tcp나 udp입니다</translation>
    </message>
    <message>
        <source>invalid %1 "%2": not an IPv4 address</source>
        <translation>잘못된 %1 값 "%2": IPv4 주소가 아닙니다</translation>
    </message>
    <message>
        <source>invalid %1 "%2": expected [ip:][hostPort:]containerPort[/tcp|/udp]</source>
        <translation>잘못된 %1 값 "%2": [IP:][호스트포트:]컨테이너포트[/tcp|/udp] 형식이어야 합니다</translation>
    </message>
    <message>
        <source>invalid --add-host "%1": expected name:ip</source>
        <translation>잘못된 --add-host 값 "%1": 이름:IP 형식이어야 합니다</translation>
    </message>
    <message>
        <source>invalid value "%1" for --%2: expected DEVICE:RATE, e.g. /dev/sda:1mb</source>
        <translation>--%2의 값이 올바르지 않습니다("%1"). 장치:속도 형식으로 쓰세요(예: /dev/sda:1mb).</translation>
    </message>
    <message>
        <source>invalid value "%1" for --%2: %3 is not a block device</source>
        <translation>--%2의 값이 올바르지 않습니다("%1"). 블록 장치가 아닌 경로입니다: %3</translation>
    </message>
    <message>
        <source>invalid rate "%1" for --%2: use a size per second such as 1mb</source>
        <translation>--%2의 속도 값이 올바르지 않습니다("%1"). 1mb처럼 초당 크기로 쓰세요.</translation>
    </message>
    <message>
        <source>invalid rate "%1" for --%2: use a number of operations per second</source>
        <translation>--%2의 속도 값이 올바르지 않습니다("%1"). 초당 입출력 횟수를 숫자로 쓰세요.</translation>
    </message>
    <message>
        <source>Memory soft limit: protected from reclaim (cgroup v2 memory.low, v1 soft limit)</source>
        <translation>메모리 예약량: 이만큼은 회수되지 않도록 보호합니다(cgroup v2의 memory.low, v1의 소프트 제한)</translation>
    </message>
    <message>
        <source>Limit read rate (bytes per second) from a device (e.g. /dev/sda:1mb)</source>
        <translation>장치에서 읽는 속도를 초당 바이트로 제한합니다(예: /dev/sda:1mb)</translation>
    </message>
    <message>
        <source>Limit write rate (bytes per second) to a device (e.g. /dev/sda:1mb)</source>
        <translation>장치에 쓰는 속도를 초당 바이트로 제한합니다(예: /dev/sda:1mb)</translation>
    </message>
    <message>
        <source>Limit read rate (operations per second) from a device (e.g. /dev/sda:100)</source>
        <translation>장치에서 읽는 속도를 초당 입출력 횟수로 제한합니다(예: /dev/sda:100)</translation>
    </message>
    <message>
        <source>Limit write rate (operations per second) to a device (e.g. /dev/sda:100)</source>
        <translation>장치에 쓰는 속도를 초당 입출력 횟수로 제한합니다(예: /dev/sda:100)</translation>
    </message>
    <message>
        <source>Usage: onggictl image inspect|history|pull|ls|rm|tag|prune ...</source>
        <translation>사용법: onggictl image inspect|history|pull|ls|rm|tag|prune ...</translation>
    </message>
    <message>
        <source>image prune [OPTIONS]</source>
        <translation>image prune [옵션]</translation>
    </message>
    <message>
        <source>Remove unused images, layers and blobs</source>
        <translation>쓰지 않는 이미지와 레이어, 블롭을 지웁니다</translation>
    </message>
    <message>
        <source>Remove all images not used by a container, not just dangling ones</source>
        <translation>이름 없는 이미지뿐 아니라 컨테이너가 쓰지 않는 이미지를 모두 지웁니다</translation>
    </message>
    <message>
        <source>Do not prompt for confirmation (accepted for docker's scripts; onggictl never prompts)</source>
        <translation>확인을 묻지 않습니다 (docker 스크립트와 맞추려고 받는 옵션이며, onggictl은 원래 묻지 않습니다)</translation>
    </message>
    <message>
        <source>Deleted Images:</source>
        <translation>삭제한 이미지:</translation>
    </message>
    <message>
        <source>deleted: %1</source>
        <translation>삭제함: %1</translation>
    </message>
    <message>
        <source>Total reclaimed space: %1</source>
        <translation>되찾은 공간: 모두 %1</translation>
    </message>
    <message>
        <source>system df [OPTIONS]</source>
        <translation>system df [옵션]</translation>
    </message>
    <message>
        <source>Show disk usage</source>
        <translation>디스크 사용량을 보여 줍니다</translation>
    </message>
    <message>
        <source>Show the size of each container</source>
        <translation>컨테이너마다 크기를 보여 줍니다</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>ACTIVE</source>
        <translation>사용 중</translation>
    </message>
    <message>
        <source>RECLAIMABLE</source>
        <translation>되찾을 수 있는 공간</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>컨테이너</translation>
    </message>
    <message>
        <source>Usage: onggictl system df</source>
        <translation>사용법: onggictl system df</translation>
    </message>
    <message>
        <source>tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]</source>
        <translation>tag 원본_이미지[:태그] 새_이미지[:태그]</translation>
    </message>
    <message>
        <source>Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE</source>
        <translation>원본 이미지를 가리키는 새 이름(태그)을 붙입니다</translation>
    </message>
    <message>
        <source>Manage images (inspect, history, pull, ls, rm, tag, prune)</source>
        <translation>이미지를 관리합니다 (inspect, history, pull, ls, rm, tag, prune)</translation>
    </message>
    <message>
        <source>Manage Onggi (df: disk usage)</source>
        <translation>옹기를 관리합니다 (df: 디스크 사용량)</translation>
    </message>
    <message>
        <source>Unused layers removed: %1</source>
        <translation>쓰지 않아 지운 레이어: %1개</translation>
    </message>
    <message>
        <source>Unused blobs removed: %1</source>
        <translation>쓰지 않아 지운 블롭: %1개</translation>
    </message>
    <message>
        <source>load -i FILE</source>
        <translation>load -i 파일</translation>
    </message>
    <message>
        <source>Load images from a tar archive (docker save or OCI layout)</source>
        <translation>tar 아카이브(docker save 또는 OCI 레이아웃)에서 이미지 불러오기</translation>
    </message>
    <message>
        <source>Read from this file</source>
        <translation>이 파일에서 읽기</translation>
    </message>
    <message>
        <source>load: name the archive with -i FILE</source>
        <translation>load: 읽을 아카이브를 -i 파일로 지정하세요</translation>
    </message>
    <message>
        <source>Loaded image ID: %1</source>
        <translation>불러온 이미지 ID: %1</translation>
    </message>
    <message>
        <source>Loaded image: %1</source>
        <translation>불러온 이미지: %1</translation>
    </message>
    <message>
        <source>save -o FILE IMAGE [IMAGE...]</source>
        <translation>save -o 파일 이미지 [이미지...]</translation>
    </message>
    <message>
        <source>Save one or more images to a tar archive (docker save and OCI layout)</source>
        <translation>하나 이상의 이미지를 tar 아카이브(docker save 겸 OCI 레이아웃)로 저장</translation>
    </message>
    <message>
        <source>Write to this file</source>
        <translation>이 파일에 쓰기</translation>
    </message>
    <message>
        <source>save: name the archive with -o FILE</source>
        <translation>save: 저장할 아카이브를 -o 파일로 지정하세요</translation>
    </message>
    <message>
        <source>Note: the layers were packed anew, so the saved image has the ID %1.</source>
        <translation>참고: 레이어를 새로 묶었기 때문에 저장된 이미지의 ID는 %1입니다.</translation>
    </message>
    <message>
        <source>commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]</source>
        <translation>commit [옵션] 컨테이너 [저장소[:태그]]</translation>
    </message>
    <message>
        <source>Create a new image from a container's changes</source>
        <translation>컨테이너에서 바뀐 내용으로 새 이미지 만들기</translation>
    </message>
    <message>
        <source>Commit message</source>
        <translation>커밋 메시지</translation>
    </message>
    <message>
        <source>port CONTAINER [PRIVATE_PORT[/PROTO]]</source>
        <translation>port 컨테이너 [컨테이너_포트[/프로토콜]]</translation>
    </message>
    <message>
        <source>List port mappings or a specific mapping for the container</source>
        <translation>컨테이너의 포트 연결을 모두, 또는 지정한 포트 하나만 보여 줍니다</translation>
    </message>
    <message>
        <source>invalid port '%1': expected PORT[/tcp|/udp]</source>
        <translation>올바르지 않은 포트입니다: '%1'. 포트[/tcp|/udp] 꼴로 적어 주세요</translation>
    </message>
    <message>
        <source>Filter output: container=&lt;name or id&gt;, type=container or type=image</source>
        <translation>출력 거르기: container=&lt;이름 또는 ID&gt;, type=container 또는 type=image</translation>
    </message>
    <message>
        <source>invalid filter "%1": supported are container=&lt;name or id&gt;, type=container and type=image</source>
        <translation>올바르지 않은 필터입니다("%1"): container=&lt;이름 또는 ID&gt;, type=container, type=image만 지원합니다</translation>
    </message>
    <message>
        <source>no public port '%1' published for %2</source>
        <translation>공개되지 않은 포트입니다: %2 컨테이너의 '%1'</translation>
    </message>
</context>
</TS>
