/* An empty ICU data library: the same soname and entry point as PySide6's libicudata.so.73 (32 MB), with a
 * table of contents that lists nothing. ICU then answers "no data" (U_MISSING_RESOURCE_ERROR) and Qt falls
 * back to its own tables: the kiosk uses no ICU collation, codec or time-zone data (see docs/deployment.md, Packaging).
 * Layout from ICU's own stubdata/stubdata.cpp. Built by packaging/kiosk.spec:
 *   cc -shared -fPIC -Wl,-soname,libicudata.so.73 -DICU_ENTRY=icudt73_dat -o libicudata.so.73 icudata_stub.c
 */
#include <stdint.h>

typedef struct {
    uint16_t size, reservedWord;
    uint8_t isBigEndian, charsetFamily, sizeofUChar, reservedByte;
    uint8_t dataFormat[4], formatVersion[4], dataVersion[4];
} UDataInfo;

typedef struct {
    uint16_t headerSize;
    uint8_t magic1, magic2;
    UDataInfo info;
    char padding[8];
    uint32_t count, reserved;
    uint32_t toc[2];
    int fakeNameAndData[4];
} ICU_Data_Header;

__attribute__((visibility("default"))) const ICU_Data_Header ICU_ENTRY = {
    32, 0xda, 0x27,
    {sizeof(UDataInfo), 0, 0 /* little-endian */, 0 /* ASCII */, 2, 0,
     {0x43, 0x6d, 0x6e, 0x44} /* "CmnD" */, {1, 0, 0, 0}, {0, 0, 0, 0}},
    {0, 0, 0, 0, 0, 0, 0, 0},
    0, 0,
    {0, 0},
    {0, 0, 0, 0},
};
