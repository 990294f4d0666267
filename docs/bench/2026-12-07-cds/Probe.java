// SPDX-License-Identifier: MPL-2.0
// The probe of docs/bench/2026-12-07-cds.md (module cdsprobe { requires io.zenmq; }).
package probe;

import io.zenmq.Context;
import io.zenmq.Socket;
import io.zenmq.SocketType;

public class Probe {
    static long t0;
    static long ms() { return System.currentTimeMillis() - t0; }
    static String cpu() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat")).split(" ");
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10 + "";
        } catch (java.io.IOException e) { return "?"; }
    }
    public static void main(String[] a) {
        t0 = Long.parseLong(System.getenv("T0"));
        long main = ms();
        String role = a[0];
        int n = Integer.parseInt(a[2]);
        byte[] p = new byte[Integer.parseInt(a[3])];
        try (Context ctx = Context.builder().build()) {
            if (role.equals("rep")) {
                try (Socket rep = ctx.socket(SocketType.REP)) {
                    String ep = rep.bind(a[1]);
                    System.out.println("bound " + ep + " main_ms=" + main + " bound_ms=" + ms() + " bound_cpu=" + cpu());
                    System.out.flush();
                    for (int i = 0; i < n; i++) { rep.send(rep.recv()); }
                }
            } else {
                try (Socket req = ctx.socket(SocketType.REQ)) {
                    req.connect(a[1]);
                    long conn = ms(); String ccpu = cpu();
                    long s = System.nanoTime(), r1 = 0, r2 = 0;
                    for (int i = 0; i < n; i++) {
                        req.send(p); req.recv();
                        if (i == 0) r1 = System.nanoTime() - s;
                        if (i == 1) r2 = System.nanoTime() - s - r1;
                    }
                    long all = System.nanoTime() - s; String ecpu = cpu();
                    System.out.println("req main_ms=" + main + " connected_ms=" + conn + " conn_cpu=" + ccpu + " rtt1_us=" + r1 / 1000
                            + " rtt2_us=" + r2 / 1000 + " loop_ms=" + all / 1000000 + " end_ms=" + ms() + " end_cpu=" + ecpu);
                }
            }
        }
    }
}
