; FILE: clara_passes/test/Inputs/handlers.ll (generated from clara_passes/inputs/handlers.cc by regen.sh)
; Shared input of the clara_passes lit tests; not a test itself.
; ModuleID = 'handlers.cc'
source_filename = "handlers.cc"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%class.Meter = type { %class.Element, i32, i32 }
%class.Element = type { ptr }

$_ZNK5Meter6scaledEi = comdat any

$_ZN5MeterD2Ev = comdat any

$_ZN5MeterD0Ev = comdat any

@_ZTV5Meter = unnamed_addr constant { [5 x ptr] } { [5 x ptr] [ptr null, ptr @_ZTI5Meter, ptr @_ZN5MeterD2Ev, ptr @_ZN5MeterD0Ev, ptr @_ZN5Meter4bumpEi] }, align 8
@_ZTVN10__cxxabiv120__si_class_type_infoE = external global [0 x ptr]
@_ZTS5Meter = constant [7 x i8] c"5Meter\00", align 1
@_ZTI7Element = external constant ptr
@_ZTI5Meter = constant { ptr, ptr, ptr } { ptr getelementptr inbounds (ptr, ptr @_ZTVN10__cxxabiv120__si_class_type_infoE, i64 2), ptr @_ZTS5Meter, ptr @_ZTI7Element }, align 8

define noundef i32 @_ZN5Meter12read_handlerEP7ElementPv(ptr noundef %e, ptr noundef %0) #0 align 2 !dbg !34 {
entry:
  %e.addr = alloca ptr, align 8
  %.addr = alloca ptr, align 8
  %m = alloca ptr, align 8
  store ptr %e, ptr %e.addr, align 8
    #dbg_declare(ptr %e.addr, !36, !DIExpression(), !37)
  store ptr %0, ptr %.addr, align 8
    #dbg_declare(ptr %.addr, !38, !DIExpression(), !39)
    #dbg_declare(ptr %m, !40, !DIExpression(), !41)
  %1 = load ptr, ptr %e.addr, align 8, !dbg !42
  store ptr %1, ptr %m, align 8, !dbg !41
  %2 = load ptr, ptr %m, align 8, !dbg !43
  %_n = getelementptr inbounds %class.Meter, ptr %2, i32 0, i32 2, !dbg !44
  %3 = load i32, ptr %_n, align 4, !dbg !44
  ret i32 %3, !dbg !45
}

define noundef i32 @_ZN5Meter4bumpEi(ptr noundef nonnull align 8 dereferenceable(16) %this, i32 noundef %by) unnamed_addr #1 align 2 !dbg !46 {
entry:
  %this.addr = alloca ptr, align 8
  %by.addr = alloca i32, align 4
  store ptr %this, ptr %this.addr, align 8
    #dbg_declare(ptr %this.addr, !47, !DIExpression(), !48)
  store i32 %by, ptr %by.addr, align 4
    #dbg_declare(ptr %by.addr, !49, !DIExpression(), !50)
  %this1 = load ptr, ptr %this.addr, align 8
  %0 = load i32, ptr %by.addr, align 4, !dbg !51
  %call = call noundef i32 @_ZNK5Meter6scaledEi(ptr noundef nonnull align 8 dereferenceable(16) %this1, i32 noundef %0), !dbg !52
  %_n = getelementptr inbounds %class.Meter, ptr %this1, i32 0, i32 2, !dbg !53
  %1 = load i32, ptr %_n, align 4, !dbg !54
  %add = add nsw i32 %1, %call, !dbg !54
  store i32 %add, ptr %_n, align 4, !dbg !54
  %_n2 = getelementptr inbounds %class.Meter, ptr %this1, i32 0, i32 2, !dbg !55
  %2 = load i32, ptr %_n2, align 4, !dbg !55
  ret i32 %2, !dbg !56
}

define linkonce_odr noundef i32 @_ZNK5Meter6scaledEi(ptr noundef nonnull align 8 dereferenceable(16) %this, i32 noundef %v) #0 comdat align 2 !dbg !57 {
entry:
  %this.addr = alloca ptr, align 8
  %v.addr = alloca i32, align 4
  store ptr %this, ptr %this.addr, align 8
    #dbg_declare(ptr %this.addr, !58, !DIExpression(), !60)
  store i32 %v, ptr %v.addr, align 4
    #dbg_declare(ptr %v.addr, !61, !DIExpression(), !62)
  %this1 = load ptr, ptr %this.addr, align 8
  %0 = load i32, ptr %v.addr, align 4, !dbg !63
  %_scale = getelementptr inbounds %class.Meter, ptr %this1, i32 0, i32 1, !dbg !64
  %1 = load i32, ptr %_scale, align 8, !dbg !64
  %mul = mul nsw i32 %0, %1, !dbg !65
  ret i32 %mul, !dbg !66
}

define linkonce_odr void @_ZN5MeterD2Ev(ptr noundef nonnull align 8 dereferenceable(16) %this) unnamed_addr #0 comdat align 2 !dbg !67 {
entry:
  %this.addr = alloca ptr, align 8
  store ptr %this, ptr %this.addr, align 8
    #dbg_declare(ptr %this.addr, !71, !DIExpression(), !72)
  %this1 = load ptr, ptr %this.addr, align 8
  call void @_ZN7ElementD2Ev(ptr noundef nonnull align 8 dereferenceable(8) %this1) #4, !dbg !73
  ret void, !dbg !75
}

define linkonce_odr void @_ZN5MeterD0Ev(ptr noundef nonnull align 8 dereferenceable(16) %this) unnamed_addr #0 comdat align 2 !dbg !76 {
entry:
  %this.addr = alloca ptr, align 8
  store ptr %this, ptr %this.addr, align 8
    #dbg_declare(ptr %this.addr, !77, !DIExpression(), !78)
  %this1 = load ptr, ptr %this.addr, align 8
  call void @_ZN5MeterD2Ev(ptr noundef nonnull align 8 dereferenceable(16) %this1) #4, !dbg !79
  call void @_ZdlPvm(ptr noundef %this1, i64 noundef 16) #5, !dbg !79
  ret void, !dbg !79
}

declare void @_ZN7ElementD2Ev(ptr noundef nonnull align 8 dereferenceable(8)) unnamed_addr #2

declare void @_ZdlPvm(ptr noundef, i64 noundef) #3

attributes #0 = { noinline nounwind }
attributes #1 = { noinline nounwind }
attributes #2 = { noinline nounwind }
attributes #3 = { noinline nounwind }
attributes #4 = { noinline nounwind }
attributes #5 = { noinline nounwind }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!26, !27, !28, !29, !30, !31, !32}

!0 = distinct !DICompileUnit(language: DW_LANG_C_plus_plus_14, file: !1, producer: "clang-19", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug, retainedTypes: !2, splitDebugInlining: false, nameTableKind: None)
!1 = !DIFile(filename: "handlers.cc", directory: "clara_passes/inputs")
!2 = !{!3}
!3 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !4, size: 64)
!4 = distinct !DICompositeType(tag: DW_TAG_class_type, name: "Meter", file: !5, line: 10, size: 128, flags: DIFlagTypePassByReference | DIFlagNonTrivial, elements: !6, vtableHolder: !8)
!5 = !DIFile(filename: "./handlers.hh", directory: "clara_passes/inputs")
!6 = !{!7, !9, !11, !12, !17, !21}
!7 = !DIDerivedType(tag: DW_TAG_inheritance, scope: !4, baseType: !8, flags: DIFlagPublic, extraData: i32 0)
!8 = !DICompositeType(tag: DW_TAG_class_type, name: "Element", file: !5, line: 5, size: 64, flags: DIFlagFwdDecl | DIFlagNonTrivial)
!9 = !DIDerivedType(tag: DW_TAG_member, name: "_scale", scope: !4, file: !5, line: 18, baseType: !10, size: 32, offset: 64)
!10 = !DIBasicType(name: "int", size: 32, encoding: DW_ATE_signed)
!11 = !DIDerivedType(tag: DW_TAG_member, name: "_n", scope: !4, file: !5, line: 19, baseType: !10, size: 32, offset: 96)
!12 = !DISubprogram(name: "read_handler", linkageName: "_ZN5Meter12read_handlerEP7ElementPv", scope: !4, file: !5, line: 12, type: !13, scopeLine: 12, flags: DIFlagPublic | DIFlagPrototyped | DIFlagStaticMember, spFlags: 0)
!13 = !DISubroutineType(types: !14)
!14 = !{!10, !15, !16}
!15 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !8, size: 64)
!16 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: null, size: 64)
!17 = !DISubprogram(name: "bump", linkageName: "_ZN5Meter4bumpEi", scope: !4, file: !5, line: 13, type: !18, scopeLine: 13, containingType: !4, virtualIndex: 2, flags: DIFlagPublic | DIFlagPrototyped, spFlags: DISPFlagVirtual)
!18 = !DISubroutineType(types: !19)
!19 = !{!10, !20, !10}
!20 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !4, size: 64, flags: DIFlagArtificial | DIFlagObjectPointer)
!21 = !DISubprogram(name: "scaled", linkageName: "_ZNK5Meter6scaledEi", scope: !4, file: !5, line: 17, type: !22, scopeLine: 17, flags: DIFlagPrototyped, spFlags: 0)
!22 = !DISubroutineType(types: !23)
!23 = !{!10, !24, !10}
!24 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !25, size: 64, flags: DIFlagArtificial | DIFlagObjectPointer)
!25 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !4)
!26 = !{i32 7, !"Dwarf Version", i32 5}
!27 = !{i32 2, !"Debug Info Version", i32 3}
!28 = !{i32 1, !"wchar_size", i32 4}
!29 = !{i32 8, !"PIC Level", i32 2}
!30 = !{i32 7, !"PIE Level", i32 2}
!31 = !{i32 7, !"uwtable", i32 2}
!32 = !{i32 7, !"frame-pointer", i32 2}
!34 = distinct !DISubprogram(name: "read_handler", linkageName: "_ZN5Meter12read_handlerEP7ElementPv", scope: !4, file: !1, line: 8, type: !13, scopeLine: 8, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, declaration: !12, retainedNodes: !35)
!35 = !{}
!36 = !DILocalVariable(name: "e", arg: 1, scope: !34, file: !1, line: 8, type: !15)
!37 = !DILocation(line: 8, column: 34, scope: !34)
!38 = !DILocalVariable(arg: 2, scope: !34, file: !1, line: 8, type: !16)
!39 = !DILocation(line: 8, column: 43, scope: !34)
!40 = !DILocalVariable(name: "m", scope: !34, file: !1, line: 9, type: !3)
!41 = !DILocation(line: 9, column: 10, scope: !34)
!42 = !DILocation(line: 9, column: 35, scope: !34)
!43 = !DILocation(line: 10, column: 10, scope: !34)
!44 = !DILocation(line: 10, column: 13, scope: !34)
!45 = !DILocation(line: 10, column: 3, scope: !34)
!46 = distinct !DISubprogram(name: "bump", linkageName: "_ZN5Meter4bumpEi", scope: !4, file: !1, line: 13, type: !18, scopeLine: 13, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, declaration: !17, retainedNodes: !35)
!47 = !DILocalVariable(name: "this", arg: 1, scope: !46, type: !3, flags: DIFlagArtificial | DIFlagObjectPointer)
!48 = !DILocation(line: 0, scope: !46)
!49 = !DILocalVariable(name: "by", arg: 2, scope: !46, file: !1, line: 13, type: !10)
!50 = !DILocation(line: 13, column: 21, scope: !46)
!51 = !DILocation(line: 14, column: 16, scope: !46)
!52 = !DILocation(line: 14, column: 9, scope: !46)
!53 = !DILocation(line: 14, column: 3, scope: !46)
!54 = !DILocation(line: 14, column: 6, scope: !46)
!55 = !DILocation(line: 15, column: 10, scope: !46)
!56 = !DILocation(line: 15, column: 3, scope: !46)
!57 = distinct !DISubprogram(name: "scaled", linkageName: "_ZNK5Meter6scaledEi", scope: !4, file: !5, line: 17, type: !22, scopeLine: 17, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, declaration: !21, retainedNodes: !35)
!58 = !DILocalVariable(name: "this", arg: 1, scope: !57, type: !59, flags: DIFlagArtificial | DIFlagObjectPointer)
!59 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !25, size: 64)
!60 = !DILocation(line: 0, scope: !57)
!61 = !DILocalVariable(name: "v", arg: 2, scope: !57, file: !5, line: 17, type: !10)
!62 = !DILocation(line: 17, column: 18, scope: !57)
!63 = !DILocation(line: 17, column: 36, scope: !57)
!64 = !DILocation(line: 17, column: 40, scope: !57)
!65 = !DILocation(line: 17, column: 38, scope: !57)
!66 = !DILocation(line: 17, column: 29, scope: !57)
!67 = distinct !DISubprogram(name: "~Meter", linkageName: "_ZN5MeterD2Ev", scope: !4, file: !5, line: 10, type: !68, scopeLine: 10, flags: DIFlagArtificial | DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, declaration: !70, retainedNodes: !35)
!68 = !DISubroutineType(types: !69)
!69 = !{null, !20}
!70 = !DISubprogram(name: "~Meter", scope: !4, type: !68, containingType: !4, virtualIndex: 0, flags: DIFlagPublic | DIFlagArtificial | DIFlagPrototyped, spFlags: DISPFlagVirtual)
!71 = !DILocalVariable(name: "this", arg: 1, scope: !67, type: !3, flags: DIFlagArtificial | DIFlagObjectPointer)
!72 = !DILocation(line: 0, scope: !67)
!73 = !DILocation(line: 10, column: 7, scope: !74)
!74 = distinct !DILexicalBlock(scope: !67, file: !5, line: 10, column: 7)
!75 = !DILocation(line: 10, column: 7, scope: !67)
!76 = distinct !DISubprogram(name: "~Meter", linkageName: "_ZN5MeterD0Ev", scope: !4, file: !5, line: 10, type: !68, scopeLine: 10, flags: DIFlagArtificial | DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, declaration: !70, retainedNodes: !35)
!77 = !DILocalVariable(name: "this", arg: 1, scope: !76, type: !3, flags: DIFlagArtificial | DIFlagObjectPointer)
!78 = !DILocation(line: 0, scope: !76)
!79 = !DILocation(line: 10, column: 7, scope: !76)
