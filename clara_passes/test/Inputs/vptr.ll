; FILE: clara_passes/test/Inputs/vptr.ll (generated from clara_passes/inputs/vptr.cc by regen.sh)
; Shared input of the clara_passes lit tests; not a test itself.
; ModuleID = 'vptr.cc'
source_filename = "vptr.cc"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%class.Tagger = type { %class.Element, i32, i32 }
%class.Element = type { ptr }

@_ZTV6Tagger = unnamed_addr constant { [5 x ptr] } { [5 x ptr] [ptr null, ptr @_ZTI6Tagger, ptr @_ZN6TaggerD1Ev, ptr @_ZN6TaggerD0Ev, ptr @_ZNK6Tagger3tagEv] }, align 8
@_ZTVN10__cxxabiv120__si_class_type_infoE = external global [0 x ptr]
@_ZTS6Tagger = constant [8 x i8] c"6Tagger\00", align 1
@_ZTI7Element = external constant ptr
@_ZTI6Tagger = constant { ptr, ptr, ptr } { ptr getelementptr inbounds (ptr, ptr @_ZTVN10__cxxabiv120__si_class_type_infoE, i64 2), ptr @_ZTS6Tagger, ptr @_ZTI7Element }, align 8

@_ZN6TaggerC1Ev = unnamed_addr alias void (ptr), ptr @_ZN6TaggerC2Ev
@_ZN6TaggerD1Ev = unnamed_addr alias void (ptr), ptr @_ZN6TaggerD2Ev

define void @_ZN6TaggerC2Ev(ptr noundef nonnull align 8 dereferenceable(16) %this) unnamed_addr #0 align 2 !dbg !21 {
entry:
  %this.addr = alloca ptr, align 8
  store ptr %this, ptr %this.addr, align 8
    #dbg_declare(ptr %this.addr, !48, !DIExpression(), !50)
  %this1 = load ptr, ptr %this.addr, align 8
  call void @_ZN7ElementC2Ev(ptr noundef nonnull align 8 dereferenceable(8) %this1), !dbg !51
  store ptr getelementptr inbounds inrange(-16, 24) ({ [5 x ptr] }, ptr @_ZTV6Tagger, i32 0, i32 0, i32 2), ptr %this1, align 8, !dbg !52
  %_hits = getelementptr inbounds %class.Tagger, ptr %this1, i32 0, i32 1, !dbg !53
  store i32 0, ptr %_hits, align 8, !dbg !53
  ret void, !dbg !54
}

declare void @_ZN7ElementC2Ev(ptr noundef nonnull align 8 dereferenceable(8)) unnamed_addr #1

define void @_ZN6TaggerD2Ev(ptr noundef nonnull align 8 dereferenceable(16) %this) unnamed_addr #2 align 2 !dbg !55 {
entry:
  %this.addr = alloca ptr, align 8
  store ptr %this, ptr %this.addr, align 8
    #dbg_declare(ptr %this.addr, !56, !DIExpression(), !57)
  %this1 = load ptr, ptr %this.addr, align 8
  store ptr getelementptr inbounds inrange(-16, 24) ({ [5 x ptr] }, ptr @_ZTV6Tagger, i32 0, i32 0, i32 2), ptr %this1, align 8, !dbg !58
  %_misses = getelementptr inbounds %class.Tagger, ptr %this1, i32 0, i32 2, !dbg !59
  store i32 0, ptr %_misses, align 4, !dbg !61
  call void @_ZN7ElementD2Ev(ptr noundef nonnull align 8 dereferenceable(8) %this1) #5, !dbg !62
  ret void, !dbg !63
}

declare void @_ZN7ElementD2Ev(ptr noundef nonnull align 8 dereferenceable(8)) unnamed_addr #3

define void @_ZN6TaggerD0Ev(ptr noundef nonnull align 8 dereferenceable(16) %this) unnamed_addr #2 align 2 !dbg !64 {
entry:
  %this.addr = alloca ptr, align 8
  store ptr %this, ptr %this.addr, align 8
    #dbg_declare(ptr %this.addr, !65, !DIExpression(), !66)
  %this1 = load ptr, ptr %this.addr, align 8
  call void @_ZN6TaggerD1Ev(ptr noundef nonnull align 8 dereferenceable(16) %this1) #5, !dbg !67
  call void @_ZdlPvm(ptr noundef %this1, i64 noundef 16) #6, !dbg !67
  ret void, !dbg !68
}

declare void @_ZdlPvm(ptr noundef, i64 noundef) #4

define noundef i32 @_ZNK6Tagger3tagEv(ptr noundef nonnull align 8 dereferenceable(16) %this) unnamed_addr #2 align 2 !dbg !69 {
entry:
  %this.addr = alloca ptr, align 8
  store ptr %this, ptr %this.addr, align 8
    #dbg_declare(ptr %this.addr, !70, !DIExpression(), !72)
  %this1 = load ptr, ptr %this.addr, align 8
  %_hits = getelementptr inbounds %class.Tagger, ptr %this1, i32 0, i32 1, !dbg !73
  %0 = load i32, ptr %_hits, align 8, !dbg !73
  ret i32 %0, !dbg !74
}

define noundef ptr @_ZN6Tagger13simple_actionEP6Packet(ptr noundef nonnull align 8 dereferenceable(16) %this, ptr noundef %p) #0 align 2 !dbg !75 {
entry:
  %this.addr = alloca ptr, align 8
  %p.addr = alloca ptr, align 8
  store ptr %this, ptr %this.addr, align 8
    #dbg_declare(ptr %this.addr, !76, !DIExpression(), !77)
  store ptr %p, ptr %p.addr, align 8
    #dbg_declare(ptr %p.addr, !78, !DIExpression(), !79)
  %this1 = load ptr, ptr %this.addr, align 8
  %vtable = load ptr, ptr %this1, align 8, !dbg !80
  %vfn = getelementptr inbounds ptr, ptr %vtable, i64 2, !dbg !80
  %0 = load ptr, ptr %vfn, align 8, !dbg !80
  %call = call noundef i32 %0(ptr noundef nonnull align 8 dereferenceable(16) %this1), !dbg !80
  %_hits = getelementptr inbounds %class.Tagger, ptr %this1, i32 0, i32 1, !dbg !81
  %1 = load i32, ptr %_hits, align 8, !dbg !82
  %add = add i32 %1, %call, !dbg !82
  store i32 %add, ptr %_hits, align 8, !dbg !82
  %2 = load ptr, ptr %p.addr, align 8, !dbg !83
  ret ptr %2, !dbg !84
}

define noundef i32 @_ZNK6Tagger5firstEv(ptr noundef nonnull align 8 dereferenceable(16) %this) #2 align 2 !dbg !85 {
entry:
  %this.addr = alloca ptr, align 8
  store ptr %this, ptr %this.addr, align 8
    #dbg_declare(ptr %this.addr, !86, !DIExpression(), !87)
  %this1 = load ptr, ptr %this.addr, align 8
  %add.ptr = getelementptr inbounds i8, ptr %this1, i64 8, !dbg !88
  %0 = load i32, ptr %add.ptr, align 4, !dbg !89
  ret i32 %0, !dbg !90
}

define noundef i64 @_ZNK6Tagger4bothEv(ptr noundef nonnull align 8 dereferenceable(16) %this) #2 align 2 !dbg !91 {
entry:
  %this.addr = alloca ptr, align 8
  store ptr %this, ptr %this.addr, align 8
    #dbg_declare(ptr %this.addr, !92, !DIExpression(), !93)
  %this1 = load ptr, ptr %this.addr, align 8
  %add.ptr = getelementptr inbounds i8, ptr %this1, i64 8, !dbg !94
  %0 = load i64, ptr %add.ptr, align 8, !dbg !95
  ret i64 %0, !dbg !96
}

attributes #0 = { noinline nounwind }
attributes #1 = { noinline nounwind }
attributes #2 = { noinline nounwind }
attributes #3 = { noinline nounwind }
attributes #4 = { noinline nounwind }
attributes #5 = { noinline nounwind }
attributes #6 = { noinline nounwind }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!13, !14, !15, !16, !17, !18, !19}

!0 = distinct !DICompileUnit(language: DW_LANG_C_plus_plus_14, file: !1, producer: "clang-19", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug, retainedTypes: !2, splitDebugInlining: false, nameTableKind: None)
!1 = !DIFile(filename: "vptr.cc", directory: "clara_passes/inputs")
!2 = !{!3, !7, !10}
!3 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !4, size: 64)
!4 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !5)
!5 = !DIDerivedType(tag: DW_TAG_typedef, name: "uint32_t", file: !1, line: 10, baseType: !6)
!6 = !DIBasicType(name: "unsigned int", size: 32, encoding: DW_ATE_unsigned)
!7 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !8, size: 64)
!8 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !9)
!9 = !DIBasicType(name: "char", size: 8, encoding: DW_ATE_signed_char)
!10 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !11, size: 64)
!11 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !12)
!12 = !DIBasicType(name: "unsigned long long", size: 64, encoding: DW_ATE_unsigned)
!13 = !{i32 7, !"Dwarf Version", i32 5}
!14 = !{i32 2, !"Debug Info Version", i32 3}
!15 = !{i32 1, !"wchar_size", i32 4}
!16 = !{i32 8, !"PIC Level", i32 2}
!17 = !{i32 7, !"PIE Level", i32 2}
!18 = !{i32 7, !"uwtable", i32 2}
!19 = !{i32 7, !"frame-pointer", i32 2}
!21 = distinct !DISubprogram(name: "Tagger", linkageName: "_ZN6TaggerC2Ev", scope: !22, file: !1, line: 33, type: !29, scopeLine: 33, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, declaration: !28, retainedNodes: !47)
!22 = distinct !DICompositeType(tag: DW_TAG_class_type, name: "Tagger", file: !1, line: 20, size: 128, flags: DIFlagTypePassByReference | DIFlagNonTrivial, elements: !23, vtableHolder: !25)
!23 = !{!24, !26, !27, !28, !32, !33, !38, !43, !44}
!24 = !DIDerivedType(tag: DW_TAG_inheritance, scope: !22, baseType: !25, flags: DIFlagPublic, extraData: i32 0)
!25 = !DICompositeType(tag: DW_TAG_class_type, name: "Element", file: !1, line: 14, size: 64, flags: DIFlagFwdDecl | DIFlagNonTrivial)
!26 = !DIDerivedType(tag: DW_TAG_member, name: "_hits", scope: !22, file: !1, line: 29, baseType: !5, size: 32, offset: 64)
!27 = !DIDerivedType(tag: DW_TAG_member, name: "_misses", scope: !22, file: !1, line: 30, baseType: !5, size: 32, offset: 96)
!28 = !DISubprogram(name: "Tagger", scope: !22, file: !1, line: 22, type: !29, scopeLine: 22, flags: DIFlagPublic | DIFlagPrototyped, spFlags: 0)
!29 = !DISubroutineType(types: !30)
!30 = !{null, !31}
!31 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !22, size: 64, flags: DIFlagArtificial | DIFlagObjectPointer)
!32 = !DISubprogram(name: "~Tagger", scope: !22, file: !1, line: 23, type: !29, scopeLine: 23, containingType: !22, virtualIndex: 0, flags: DIFlagPublic | DIFlagPrototyped, spFlags: DISPFlagVirtual)
!33 = !DISubprogram(name: "tag", linkageName: "_ZNK6Tagger3tagEv", scope: !22, file: !1, line: 24, type: !34, scopeLine: 24, containingType: !22, virtualIndex: 2, flags: DIFlagPublic | DIFlagPrototyped, spFlags: DISPFlagVirtual)
!34 = !DISubroutineType(types: !35)
!35 = !{!5, !36}
!36 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !37, size: 64, flags: DIFlagArtificial | DIFlagObjectPointer)
!37 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !22)
!38 = !DISubprogram(name: "simple_action", linkageName: "_ZN6Tagger13simple_actionEP6Packet", scope: !22, file: !1, line: 25, type: !39, scopeLine: 25, flags: DIFlagPublic | DIFlagPrototyped, spFlags: 0)
!39 = !DISubroutineType(types: !40)
!40 = !{!41, !31, !41}
!41 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !42, size: 64)
!42 = !DICompositeType(tag: DW_TAG_class_type, name: "Packet", file: !1, line: 12, flags: DIFlagFwdDecl | DIFlagNonTrivial, identifier: "_ZTS6Packet")
!43 = !DISubprogram(name: "first", linkageName: "_ZNK6Tagger5firstEv", scope: !22, file: !1, line: 26, type: !34, scopeLine: 26, flags: DIFlagPublic | DIFlagPrototyped, spFlags: 0)
!44 = !DISubprogram(name: "both", linkageName: "_ZNK6Tagger4bothEv", scope: !22, file: !1, line: 27, type: !45, scopeLine: 27, flags: DIFlagPublic | DIFlagPrototyped, spFlags: 0)
!45 = !DISubroutineType(types: !46)
!46 = !{!12, !36}
!47 = !{}
!48 = !DILocalVariable(name: "this", arg: 1, scope: !21, type: !49, flags: DIFlagArtificial | DIFlagObjectPointer)
!49 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !22, size: 64)
!50 = !DILocation(line: 0, scope: !21)
!51 = !DILocation(line: 33, column: 9, scope: !21)
!52 = !DILocation(line: 33, column: 29, scope: !21)
!53 = !DILocation(line: 33, column: 20, scope: !21)
!54 = !DILocation(line: 33, column: 30, scope: !21)
!55 = distinct !DISubprogram(name: "~Tagger", linkageName: "_ZN6TaggerD2Ev", scope: !22, file: !1, line: 35, type: !29, scopeLine: 35, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, declaration: !32, retainedNodes: !47)
!56 = !DILocalVariable(name: "this", arg: 1, scope: !55, type: !49, flags: DIFlagArtificial | DIFlagObjectPointer)
!57 = !DILocation(line: 0, scope: !55)
!58 = !DILocation(line: 35, column: 19, scope: !55)
!59 = !DILocation(line: 35, column: 21, scope: !60)
!60 = distinct !DILexicalBlock(scope: !55, file: !1, line: 35, column: 19)
!61 = !DILocation(line: 35, column: 29, scope: !60)
!62 = !DILocation(line: 35, column: 34, scope: !60)
!63 = !DILocation(line: 35, column: 34, scope: !55)
!64 = distinct !DISubprogram(name: "~Tagger", linkageName: "_ZN6TaggerD0Ev", scope: !22, file: !1, line: 35, type: !29, scopeLine: 35, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, declaration: !32, retainedNodes: !47)
!65 = !DILocalVariable(name: "this", arg: 1, scope: !64, type: !49, flags: DIFlagArtificial | DIFlagObjectPointer)
!66 = !DILocation(line: 0, scope: !64)
!67 = !DILocation(line: 35, column: 19, scope: !64)
!68 = !DILocation(line: 35, column: 34, scope: !64)
!69 = distinct !DISubprogram(name: "tag", linkageName: "_ZNK6Tagger3tagEv", scope: !22, file: !1, line: 37, type: !34, scopeLine: 37, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, declaration: !33, retainedNodes: !47)
!70 = !DILocalVariable(name: "this", arg: 1, scope: !69, type: !71, flags: DIFlagArtificial | DIFlagObjectPointer)
!71 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !37, size: 64)
!72 = !DILocation(line: 0, scope: !69)
!73 = !DILocation(line: 37, column: 39, scope: !69)
!74 = !DILocation(line: 37, column: 32, scope: !69)
!75 = distinct !DISubprogram(name: "simple_action", linkageName: "_ZN6Tagger13simple_actionEP6Packet", scope: !22, file: !1, line: 39, type: !39, scopeLine: 39, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, declaration: !38, retainedNodes: !47)
!76 = !DILocalVariable(name: "this", arg: 1, scope: !75, type: !49, flags: DIFlagArtificial | DIFlagObjectPointer)
!77 = !DILocation(line: 0, scope: !75)
!78 = !DILocalVariable(name: "p", arg: 2, scope: !75, file: !1, line: 39, type: !41)
!79 = !DILocation(line: 39, column: 39, scope: !75)
!80 = !DILocation(line: 40, column: 12, scope: !75)
!81 = !DILocation(line: 40, column: 3, scope: !75)
!82 = !DILocation(line: 40, column: 9, scope: !75)
!83 = !DILocation(line: 41, column: 10, scope: !75)
!84 = !DILocation(line: 41, column: 3, scope: !75)
!85 = distinct !DISubprogram(name: "first", linkageName: "_ZNK6Tagger5firstEv", scope: !22, file: !1, line: 44, type: !34, scopeLine: 44, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, declaration: !43, retainedNodes: !47)
!86 = !DILocalVariable(name: "this", arg: 1, scope: !85, type: !71, flags: DIFlagArtificial | DIFlagObjectPointer)
!87 = !DILocation(line: 0, scope: !85)
!88 = !DILocation(line: 45, column: 49, scope: !85)
!89 = !DILocation(line: 45, column: 10, scope: !85)
!90 = !DILocation(line: 45, column: 3, scope: !85)
!91 = distinct !DISubprogram(name: "both", linkageName: "_ZNK6Tagger4bothEv", scope: !22, file: !1, line: 48, type: !45, scopeLine: 48, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, declaration: !44, retainedNodes: !47)
!92 = !DILocalVariable(name: "this", arg: 1, scope: !91, type: !71, flags: DIFlagArtificial | DIFlagObjectPointer)
!93 = !DILocation(line: 0, scope: !91)
!94 = !DILocation(line: 49, column: 59, scope: !91)
!95 = !DILocation(line: 49, column: 10, scope: !91)
!96 = !DILocation(line: 49, column: 3, scope: !91)
