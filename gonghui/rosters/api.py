from datetime import datetime

from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile

from . import selectors, services

router = Router(tags=["rosters"])


class ImportOut(Schema):
    id: int
    original_name: str
    status: str
    sheet_name: str
    mode: str
    rows_total: int
    rows_read: int
    rows_checked: int
    rows_written: int
    new_count: int
    updated_count: int
    unchanged_count: int
    rejected_count: int
    first_errors: list[dict]
    message: str
    created_at: datetime


class StartIn(Schema):
    mode: str


class ExportOut(Schema):
    id: int
    format: str
    status: str
    rows_total: int
    rows_written: int
    message: str


@router.get("/imports", response=list[ImportOut], summary="花名册导入记录（最近50条）")
def list_imports(request):
    return list(selectors.import_list(user=request.user)[:50])


@router.post("/imports", response={201: ImportOut}, summary="上传花名册并开始检查（不写入数据）")
def create_import(request, file: File[UploadedFile]):
    roster = services.roster_import_create(actor=request.user, upload=file)
    roster.refresh_from_db()  # the job may already have run (immediate backend) and moved it on
    return Status(201, roster)


@router.get("/imports/{import_id}", response=ImportOut, summary="导入进度与检查结果")
def get_import(request, import_id: int):
    return services.roster_import_settle(roster=selectors.import_get(user=request.user, pk=import_id))


@router.post("/imports/{import_id}/start", response=ImportOut, summary="检查后开始导入")
def start_import(request, import_id: int, payload: StartIn):
    roster = selectors.import_get(user=request.user, pk=import_id)
    services.roster_import_start(actor=request.user, roster=roster, mode=payload.mode)
    roster.refresh_from_db()
    return roster


@router.post("/imports/{import_id}/cancel", response=ImportOut, summary="取消进行中的检查或导入")
def cancel_import(request, import_id: int):
    roster = selectors.import_get(user=request.user, pk=import_id)
    services.roster_import_cancel(actor=request.user, roster=roster)
    roster.refresh_from_db()
    return roster


@router.get("/exports/{export_id}", response=ExportOut, summary="导出进度")
def get_export(request, export_id: int):
    return services.roster_export_settle(export=selectors.export_get(user=request.user, pk=export_id))
