// SPDX-License-Identifier: MPL-2.0
package io.zenmq.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The package structure of zenmq-core's main code, as rules a change cannot break unnoticed.
 *
 * <p>Layers, top to bottom: the public package {@code io.zenmq}; {@code internal.proxy} (the
 * proxy's loop, which waits in a poller); {@code internal.poll} (the poller, which watches
 * sockets); {@code internal.socket}; the
 * services a socket is made of ({@code ctx}, {@code zap}, {@code monitor}, {@code pattern},
 * {@code engine}, {@code transport}, {@code auth}); the I/O thread and the routing helpers
 * ({@code io}, {@code routing}); and the pure packages ({@code zmtp}, {@code mechanism},
 * {@code crypto}, {@code pipe}, {@code queue}, {@code timer}), which hold no channel, thread, clock
 * or logger. A layer uses only the layers below it (and itself); internal code uses only the public package's
 * vocabulary types, never its facades.
 */
@AnalyzeClasses(packages = "io.zenmq", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String INTERNAL = "io.zenmq.internal.";

    private static final String[] PURE =
            packages("zmtp", "mechanism", "crypto", "pipe", "queue", "routing", "timer");

    /** Public types that internal code may name: values, options, events and ZAP's data. */
    private static final Set<String> VOCABULARY = Set.of("ErrorCode", "ZmqException", "SocketType", "EventType",
            "SocketEvent", "Option", "SocketOptions", "Msg", "Z85", "ZapRequest", "ZapDecision", "ZapHandler");

    private static final DescribedPredicate<JavaClass> VOCABULARY_TYPE =
            new DescribedPredicate<>("a vocabulary type of io.zenmq " + VOCABULARY) {
                @Override
                public boolean test(JavaClass type) {
                    String name = type.getName();
                    if (!type.getPackageName().equals("io.zenmq")) {
                        return false;
                    }
                    String simple = name.substring("io.zenmq.".length());
                    int nested = simple.indexOf('$');
                    return VOCABULARY.contains(nested < 0 ? simple : simple.substring(0, nested));
                }
            };

    @ArchTest
    static final ArchRule noCyclesBetweenInternalPackages = slices()
            .matching("io.zenmq.internal.(**)")
            .should().beFreeOfCycles()
            .because("a package cycle makes both packages one unit that cannot be read or tested alone");

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Proxy").definedBy(INTERNAL + "proxy..")
            .layer("Poll").definedBy(INTERNAL + "poll..")
            .layer("Socket").definedBy(INTERNAL + "socket..")
            .layer("Services").definedBy(packages("ctx..", "zap..", "monitor..", "pattern..", "engine..",
                    "transport..", "auth.."))
            .layer("Support").definedBy(packages("io..", "routing.."))
            .layer("Pure").definedBy(packages("zmtp..", "mechanism..", "crypto..", "pipe..", "queue..",
                    "timer.."))
            .whereLayer("Proxy").mayNotBeAccessedByAnyLayer()
            .whereLayer("Poll").mayOnlyBeAccessedByLayers("Proxy")
            .whereLayer("Socket").mayOnlyBeAccessedByLayers("Proxy", "Poll")
            .whereLayer("Services").mayOnlyBeAccessedByLayers("Socket")
            .whereLayer("Support").mayOnlyBeAccessedByLayers("Socket", "Services")
            .whereLayer("Pure").mayOnlyBeAccessedByLayers("Proxy", "Poll", "Socket", "Services", "Support");

    @ArchTest
    static final ArchRule everyInternalPackageHasALayer = classes()
            .that().resideInAPackage("io.zenmq.internal..")
            .should().resideInAnyPackage(packages("proxy..", "poll..", "socket..", "ctx..", "zap..", "monitor..", "pattern..",
                    "engine..", "transport..", "auth..", "io..", "routing..", "zmtp..", "mechanism..", "crypto..",
                    "pipe..", "queue..", "timer.."))
            .because("a new package must be placed in a layer of this test (and in docs/architecture.md)");

    @ArchTest
    static final ArchRule purePackagesUseNoChannelsNetworkFilesOrLogging = noClasses()
            .that().resideInAnyPackage(PURE)
            .should().dependOnClassesThat(resideInAnyPackage("java.nio.channels..", "java.net..", "java.nio.file..",
                    "java.util.logging..", "java.util.concurrent.locks..")
                    .or(JavaClass.Predicates.belongToAnyOf(System.Logger.class, java.time.Clock.class))
                    .or(fileApi()))
            .allowEmptyShould(true)
            .because("pure packages take bytes, time and randomness as arguments and can be tested without I/O");

    @ArchTest
    static final ArchRule purePackagesUseNoThreadsOrClocks = noClasses()
            .that().resideInAnyPackage(PURE)
            .should().accessTargetWhere(threadClockOrLogger())
            .allowEmptyShould(true)
            .because("the caller owns the thread and passes the time in (nowNanos), so tests need no clock");

    @ArchTest
    static final ArchRule patternsNeverReachTheWireOrTheIoThread = noClasses()
            .that().resideInAPackage(INTERNAL + "pattern..")
            .should().dependOnClassesThat().resideInAnyPackage(packages("engine..", "io..", "transport..", "zmtp..",
                    "mechanism..", "socket..", "ctx.."))
            .because("a pattern routes messages between pipes; the wire and the threads belong to others");

    @ArchTest
    static final ArchRule internalCodeUsesOnlyThePublicVocabulary = noClasses()
            .that().resideInAPackage("io.zenmq.internal..")
            .should().dependOnClassesThat(resideInAPackage("io.zenmq").and(not(VOCABULARY_TYPE)))
            .because("the facades (Context, Socket, SocketMonitor, ...) sit on top and call down, never the reverse");

    @ArchTest
    static final ArchRule vocabularyUsesNoInternalPackage = noClasses()
            .that(VOCABULARY_TYPE)
            .should().dependOnClassesThat().resideInAPackage("io.zenmq.internal..")
            .because("every layer uses the vocabulary, so it must not use any layer");

    @ArchTest
    static final ArchRule exportedSignaturesNameOnlyPublicAndJdkTypes = classes()
            .that().resideInAPackage("io.zenmq").and().arePublic()
            .should(exposeOnlyPublicAndJdkTypes());

    @ArchTest
    static final ArchRule theIoThreadKnowsNoPipe = noClasses()
            .that().resideInAPackage(INTERNAL + "io..")
            .should().dependOnClassesThat().resideInAPackage(INTERNAL + "pipe..")
            .because("the I/O thread runs handlers and tasks; its task queue lives in internal.queue");

    @ArchTest
    static void everyPackageHasAPackageInfo(JavaClasses classes) {
        Set<String> missing = new TreeSet<>();
        for (JavaClass type : classes) {
            if (type.getPackage().tryGetPackageInfo().isEmpty()) {
                missing.add(type.getPackageName());
            }
        }
        assertThat(missing).as("packages without a package-info.java (a one-paragraph purpose)").isEmpty();
    }

    private static String[] packages(String... names) {
        String[] full = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            full[i] = INTERNAL + names[i];
        }
        return full;
    }

    private static DescribedPredicate<JavaClass> fileApi() {
        return new DescribedPredicate<>("java.io.File*") {
            @Override
            public boolean test(JavaClass type) {
                return type.getPackageName().equals("java.io") && type.getSimpleName().startsWith("File");
            }
        };
    }

    private static DescribedPredicate<JavaAccess<?>> threadClockOrLogger() {
        return new DescribedPredicate<>("Thread (but onSpinWait), LockSupport, System.nanoTime/currentTimeMillis/"
                + "getLogger or java.time's now()") {
            @Override
            public boolean test(JavaAccess<?> access) {
                JavaClass owner = access.getTargetOwner();
                String name = access.getName();
                if (owner.isAssignableTo(Thread.class)) {
                    return !name.equals("onSpinWait");
                }
                if (owner.isEquivalentTo(System.class)) {
                    return name.equals("nanoTime") || name.equals("currentTimeMillis") || name.equals("getLogger");
                }
                return owner.isEquivalentTo(java.util.concurrent.locks.LockSupport.class)
                        || owner.getPackageName().equals("java.time") && name.equals("now");
            }
        };
    }

    private static ArchCondition<JavaClass> exposeOnlyPublicAndJdkTypes() {
        return new ArchCondition<>("name only io.zenmq and java.* types in public and protected members") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (JavaMember member : type.getMembers()) {
                    if (!exported(member)) {
                        continue;
                    }
                    for (JavaClass used : signatureTypes(member)) {
                        String pkg = used.getBaseComponentType().getPackageName();
                        boolean allowed = pkg.isEmpty() || pkg.equals("io.zenmq") || pkg.startsWith("java.");
                        if (!allowed) {
                            events.add(SimpleConditionEvent.violated(member,
                                    member.getFullName() + " exposes " + used.getName()));
                        }
                    }
                }
            }
        };
    }

    private static boolean exported(JavaMember member) {
        Set<JavaModifier> modifiers = member.getModifiers();
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static List<JavaClass> signatureTypes(JavaMember member) {
        List<JavaClass> used = new ArrayList<>();
        if (member instanceof JavaField) {
            used.add(((JavaField) member).getRawType());
        } else if (member instanceof JavaCodeUnit) {
            JavaCodeUnit unit = (JavaCodeUnit) member;
            used.add(unit.getRawReturnType());
            used.addAll(unit.getRawParameterTypes());
            used.addAll(unit.getExceptionTypes());
        }
        return used;
    }
}
