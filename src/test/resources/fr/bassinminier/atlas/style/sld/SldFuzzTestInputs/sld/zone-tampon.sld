<?xml version="1.0" encoding="UTF-8"?>
<!-- Zone tampon UNESCO : un aplat clair hachuré, lisible sous les cités et les terrils qu'il
     entoure ; les hachures sont des traits vectoriels (shape://slash), nets à l'impression. -->
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>zone-tampon</Name>
    <UserStyle>
      <Name>zone-tampon</Name>
      <Title>Zone tampon UNESCO</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>zone-tampon</Name>
          <Title>Zone tampon du Bien</Title>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#f2e3b3</CssParameter>
              <CssParameter name="fill-opacity">0.35</CssParameter>
            </Fill>
          </PolygonSymbolizer>
          <PolygonSymbolizer>
            <Fill>
              <GraphicFill>
                <Graphic>
                  <Mark>
                    <WellKnownName>shape://slash</WellKnownName>
                    <Stroke>
                      <CssParameter name="stroke">#b38a2e</CssParameter>
                      <CssParameter name="stroke-width">0.7</CssParameter>
                    </Stroke>
                  </Mark>
                  <Size>8</Size>
                </Graphic>
              </GraphicFill>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#b38a2e</CssParameter>
              <CssParameter name="stroke-width">1.2</CssParameter>
              <CssParameter name="stroke-linejoin">round</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
